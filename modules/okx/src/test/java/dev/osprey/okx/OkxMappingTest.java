package dev.osprey.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OkxMappingTest {
  /** Spot with nothing listed: instruments named by instId, sizes as given. */
  private static final OkxInstruments SPOT = new OkxInstruments(OkxProduct.SPOT);

  /** BTC-USDT-SWAP as OKX lists it: contracts of 0.01 BTC, at least 1, in steps of 1. */
  private static OkxInstruments btcSwap() {
    final OkxInstruments swap = new OkxInstruments(OkxProduct.SWAP);
    swap.load(
        List.of(
            new OkxMessages.InstrumentData(
                "SWAP", "BTC-USDT-SWAP", "", "", "0.1", "1", "1", "live", "", "0.01"),
            new OkxMessages.InstrumentData(
                "SPOT", "BTC-USDT", "BTC", "USDT", "0.1", "0.00000001", "0.00001", "live", "", "")));
    return swap;
  }

  @Test
  void shouldStateSwapRulesInBase() {
    final OkxInstruments swap = btcSwap();
    assertEquals(
        Optional.of(
            new TradingRules(
                new BigDecimal("0.01"), BigDecimal.ZERO, new BigDecimal("0.1"), new BigDecimal("0.01"))),
        swap.rules(OkxOrdersFixture.BTC_USDT));
    assertEquals("BTC-USDT-SWAP", swap.instId(OkxOrdersFixture.BTC_USDT));
    assertTrue(swap.isOfProduct("BTC-USDT-SWAP"));
    assertFalse(swap.isOfProduct("BTC-USDT"), "the spot instrument is not this connector's");
  }

  @Test
  void shouldSizeSwapOrdersInContractsCrossMarginAndReduceOnlyWhenClosing() {
    final Map<String, Object> open =
        OkxOrderArgs.place(OkxOrdersFixture.marketSell("0.05"), btcSwap(), false);
    assertEquals(
        Map.of(
            "instId", "BTC-USDT-SWAP", "tdMode", "cross", "clOrdId", "abc123", "side", "sell",
            "ordType", "market", "sz", "5"),
        open);
    final OrderRequest close =
        OkxOrdersFixture.withAction(OkxOrdersFixture.limitBuy("0.05", "100"), PositionAction.CLOSE);
    final Map<String, Object> closing = OkxOrderArgs.place(close, btcSwap(), false);
    assertEquals(true, closing.get("reduceOnly"));
    assertEquals("5", closing.get("sz"));
    assertEquals("short", OkxOrderArgs.place(close, btcSwap(), true).get("posSide"));
    assertEquals(
        "short", OkxOrderArgs.place(OkxOrdersFixture.marketSell("0.05"), btcSwap(), true).get("posSide"));
    assertThrows(
        IllegalArgumentException.class,
        () -> OkxOrderArgs.place(OkxOrdersFixture.marketSell("0.055"), btcSwap(), false),
        "half a contract cannot be ordered");
  }

  @Test
  void shouldReadSwapSizesAndTickersInBase() {
    final OkxInstruments swap = btcSwap();
    final OkxMessages.OrderData d =
        swap.inBase(OkxOrdersFixture.swapFillPush("5"));
    assertEquals("0.05", d.accFillSz());
    assertEquals("0.05", d.fillSz());
    final TopOfBook top =
        OkxMarkets.topOfBook(
                "okx_perpetual",
                new OkxMessages.TickerData("BTC-USDT-SWAP", "99.9", "200", "100.1", "300", "100", "1"),
                swap.contractValue("BTC-USDT-SWAP"),
                Instant.EPOCH)
            .orElseThrow();
    assertEquals(0, new BigDecimal("2").compareTo(top.bidSize().value()));
    assertEquals(0, new BigDecimal("3").compareTo(top.askSize().value()));
  }
  @Test
  void shouldMapMinSzLotSzAndTickSzToTradingRules() {
    final TradingRules rules =
        OkxMarkets.rules(
            new OkxMessages.InstrumentData(
                "SPOT",
                "BTC-USDT",
                "BTC",
                "USDT",
                "0.1",
                "0.00000001",
                "0.00001",
                "live",
                "10086",
                ""),
            BigDecimal.ONE);
    assertEquals(
        new TradingRules(
            new BigDecimal("0.00001"),
            BigDecimal.ZERO,
            new BigDecimal("0.1"),
            new BigDecimal("0.00000001")),
        rules);
  }

  @Test
  void shouldMapATickerToTheTopOfBook() {
    final TopOfBook top =
        OkxMarkets.topOfBook(
                "okx",
                new OkxMessages.TickerData(
                    "BTC-USDT", "99.9", "2", "100.1", "3", "100", "1700000000000"),
                BigDecimal.ONE,
                Instant.EPOCH)
            .orElseThrow();
    assertEquals(Price.of("99.9"), top.bid());
    assertEquals(Price.of("100.1"), top.ask());
    assertEquals(Quantity.of("2"), top.bidSize());
    assertEquals(Quantity.of("3"), top.askSize());
    assertEquals(Instant.ofEpochMilli(1700000000000L), top.timestamp());
    assertEquals("okx", top.connector());
  }

  @Test
  void shouldSkipATickerWithAnEmptySide() {
    assertTrue(
        OkxMarkets.topOfBook(
                "okx",
                new OkxMessages.TickerData("BTC-USDT", "", "", "100.1", "3", "100", "1"),
                BigDecimal.ONE,
                Instant.EPOCH)
            .isEmpty());
  }

  @Test
  void shouldSizeAMarketOrderInBaseCurrency() {
    final Map<String, Object> args = OkxOrderArgs.place(OkxOrdersFixture.marketSell("0.5"), SPOT, false);
    assertEquals(
        Map.of(
            "instId",
            "BTC-USDT",
            "tdMode",
            "cash",
            "clOrdId",
            "abc123",
            "side",
            "sell",
            "ordType",
            "market",
            "tgtCcy",
            "base_ccy",
            "sz",
            "0.5"),
        args);
  }

  @Test
  void shouldNameTheInstrumentByItsCodeWhenOkxListsOne() {
    final OkxMessages.InstrumentData listed =
        new OkxMessages.InstrumentData(
            "SPOT", "BTC-USDT", "BTC", "USDT", "0.1", "0.00000001", "0.00001", "live", "10086", "");
    final Long code = OkxMarkets.instIdCode(listed).orElseThrow();
    final OkxInstruments spot = new OkxInstruments(OkxProduct.SPOT);
    spot.load(List.of(listed));
    final Map<String, Object> order =
        OkxOrderArgs.place(OkxOrdersFixture.marketSell("0.5"), spot, false);
    assertEquals(10086L, order.get("instIdCode"));
    assertFalse(order.containsKey("instId"));
    final Map<String, Object> cancel = OkxOrderArgs.cancel("BTC-USDT", code, OkxOrdersFixture.ID);
    assertEquals(Map.of("instIdCode", 10086L, "clOrdId", "abc123"), cancel);
    assertEquals(
        "{\"instIdCode\":10086,\"clOrdId\":\"abc123\"}", OkxJson.write(cancel)); // a number
  }

  @Test
  void shouldSendALimitOrderWithItsPrice() {
    final Map<String, Object> args =
        OkxOrderArgs.place(OkxOrdersFixture.limitBuy("1.50", "100.25"), SPOT, false);
    assertEquals("limit", args.get("ordType"));
    assertEquals("100.25", args.get("px"));
    assertEquals("1.50", args.get("sz"));
    assertEquals("buy", args.get("side"));
  }

  @Test
  void shouldRefuseAClientOrderIdOkxWouldNotAccept() {
    final OrderRequest base = OkxOrdersFixture.limitBuy("1", "100");
    final OrderRequest bad = OkxOrdersFixture.withId(base, ClientOrderId.of("has-dash"));
    assertThrows(IllegalArgumentException.class, () -> OkxOrderArgs.place(bad, SPOT, false));
    final OrderRequest tooLong = OkxOrdersFixture.withId(base, ClientOrderId.of("a".repeat(33)));
    assertThrows(IllegalArgumentException.class, () -> OkxOrderArgs.place(tooLong, SPOT, false));
  }

  @Test
  void shouldAcceptEveryExecutorClientOrderId() {
    assertTrue(
        OkxOrderArgs.isValidClOrdId(ClientOrderId.forExecutor("any executor / id ü", 1_000_000)));
  }

  @Test
  void shouldValueABaseCurrencyFeeAtTheFillPrice() {
    // OKX charges a spot BUY in base: 0.001 BTC at 100 is 0.1 USDT.
    assertEquals(
        QuoteAmount.of("0.1"),
        OkxFills.feeInQuote("BTC-USDT", new BigDecimal("0.001"), "BTC", new BigDecimal("100")));
    assertEquals(
        QuoteAmount.of("0.103"),
        OkxFills.feeInQuote("BTC-USDT", new BigDecimal("0.103"), "USDT", new BigDecimal("103")));
  }

  @Test
  void shouldGiveUpOnBadKeysButRetryOkxsOwnLoginTrouble() {
    assertTrue(OkxErrors.isFinalLoginError("60009"));
    assertTrue(OkxErrors.isFinalLoginError("60024"));
    assertTrue(OkxErrors.isFinalLoginError("60007"));
    assertFalse(OkxErrors.isFinalLoginError("63999"));
    assertFalse(OkxErrors.isFinalLoginError("60006"));
  }

  @Test
  void shouldMapOkxOrderRefusalsToRejectReasons() {
    assertEquals(RejectReason.INSUFFICIENT_BALANCE, OkxErrors.reason("51008"));
    assertEquals(RejectReason.UNKNOWN_MARKET, OkxErrors.reason("51001"));
    assertEquals(RejectReason.TRADING_RULE, OkxErrors.reason("51020"));
    assertEquals(RejectReason.VENUE_ERROR, OkxErrors.reason("50011"));
  }
}
