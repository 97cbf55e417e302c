package dev.osprey.domain.executor.xemm;

import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER_B;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.ConfigAssertions;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** XEMM config: identity of the primary market, both markets, validation of every rule. */
class XemmExecutorConfigTest {

  /** An empty CSV cell is an absent field. */
  private static BigDecimal dec(final String s) {
    return s == null ? null : new BigDecimal(s);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case | selling pair | side | amount | min | target | max | maker fee | taker fee
        //   | violations
        "valid | BTC-USDT | BUY | 0.5 | 0.001 | 0.01 | 0.02 | | | ",
        "wrapped base, stablecoin quote | WBTC-USDC | SELL | 0.5 | 0.001 | 0.01 | 0.02 | | | ",
        "negative min is allowed | BTC-USDT | BUY | 0.5 | -0.01 | 0.01 | 0.02 | | | ",
        "other base | ETH-USDT | BUY | 0.5 | 0.001 | 0.01 | 0.02 | | |"
            + " selling_market.trading_pair: base asset must match buying_market's"
            + " (same, W-wrapped, or both USD)",
        "other quote | BTC-EUR | BUY | 0.5 | 0.001 | 0.01 | 0.02 | | |"
            + " selling_market.trading_pair: quote asset must match buying_market's"
            + " (same, W-wrapped, or both USD)",
        "no side | BTC-USDT | | 0.5 | 0.001 | 0.01 | 0.02 | | |"
            + " maker_side: is required (BUY or SELL)",
        "zero amount | BTC-USDT | BUY | 0 | 0.001 | 0.01 | 0.02 | | |"
            + " order_amount: must be a positive base amount",
        "min equals target | BTC-USDT | BUY | 0.5 | 0.01 | 0.01 | 0.02 | | |"
            + " min_profitability: must be below target_profitability",
        "target equals max | BTC-USDT | BUY | 0.5 | 0.001 | 0.02 | 0.02 | | |"
            + " max_profitability: must be above target_profitability",
        "order reversed | BTC-USDT | BUY | 0.5 | 0.03 | 0.02 | 0.01 | | |"
            + " min_profitability: must be below target_profitability;"
            + " max_profitability: must be above target_profitability",
        "missing target | BTC-USDT | BUY | 0.5 | 0.001 | | 0.02 | | |"
            + " target_profitability: is required (a fraction, 0.01 = 1%)",
        "negative fee | BTC-USDT | BUY | 0.5 | 0.001 | 0.01 | 0.02 | -0.001 | |"
            + " maker_fee_pct: must be a fraction in [0, 1) (0.001 = 0.1%)",
        "fee of 1 | BTC-USDT | BUY | 0.5 | 0.001 | 0.01 | 0.02 | | 1 |"
            + " taker_fee_pct: must be a fraction in [0, 1) (0.001 = 0.1%)",
        "maker SELL target and fees reach 1"
            + " | BTC-USDT | SELL | 0.5 | 0.001 | 0.5 | 0.9 | 0.25 | 0.25 |"
            + " target_profitability: plus maker_fee_pct and taker_fee_pct must stay below 1",
        "maker BUY target and fees may reach 1"
            + " | BTC-USDT | BUY | 0.5 | 0.001 | 0.5 | 0.9 | 0.25 | 0.25 | ",
      })
  void shouldReportEveryBrokenRule(
      final String name,
      final String sellingPair,
      final String side,
      final String amount,
      final String min,
      final String target,
      final String max,
      final String makerFee,
      final String takerFee,
      final String expected) {
    final XemmExecutorConfig c =
        new XemmExecutorConfig(
            "xe-1", "main", T0, PAPER,
            new ConnectorPair("paper_b", TradingPair.parse(sellingPair)),
            side == null ? null : Side.parse(side),
            amount == null ? null : Quantity.of(amount),
            dec(min), dec(target), dec(max), dec(makerFee), dec(takerFee));
    assertEquals(
        expected == null ? List.of() : List.of(expected.split("; ")),
        ConfigAssertions.rules(c.validate()));
  }

  @Test
  void shouldRequireBothMarketsAndDistinctOnes() {
    final XemmExecutorConfig missing =
        new XemmExecutorConfig("x", "main", T0, null, null, Side.BUY, Quantity.of("1"),
            new BigDecimal("0.001"), new BigDecimal("0.01"), new BigDecimal("0.02"), null, null);
    final XemmExecutorConfig same =
        new XemmExecutorConfig("x", "main", T0, PAPER, PAPER, Side.BUY, Quantity.of("1"),
            new BigDecimal("0.001"), new BigDecimal("0.01"), new BigDecimal("0.02"), null, null);

    assertEquals(
        List.of("buying_market", "selling_market"),
        ConfigAssertions.fields(missing.validate()));
    assertEquals(List.of(), missing.markets());
    assertEquals(
        List.of(new FieldViolation("selling_market", "must differ from buying_market")),
        same.validate());
    assertThrows(FieldViolation.Invalid.class, () -> XemmExecutor.create(same));
  }

  @Test
  void shouldTradeOnTheBuyingMarketFirstWithTheMakerSideAsSide() {
    final XemmExecutorConfig c = XemmConfigs.makerSell().build();

    assertEquals(List.of(PAPER, PAPER_B), c.markets());
    assertEquals("paper", c.connectorName());
    assertEquals(TradingPair.parse("BTC-USDT"), c.tradingPair());
    assertEquals(Side.SELL, c.side());
    assertEquals(PAPER_B, c.makerMarket());
    assertEquals(PAPER, c.takerMarket());
    assertEquals(Side.BUY, c.takerSide());
    assertEquals("xemm_executor", c.type());
  }

  @Test
  void shouldDefaultTheFeeRatesToZero() {
    final XemmExecutorConfig c = XemmConfigs.makerBuy().fees(null, null).build();

    assertEquals(0, c.makerFeePct().signum());
    assertEquals(0, c.takerFeePct().signum());
  }

  @Test
  void shouldValueTheExposureAsOneLegAtMid() {
    final XemmExecutorConfig c = XemmConfigs.makerBuy().build();

    assertEquals(
        Optional.of(QuoteAmount.of("50.5")), c.plannedExposure(Optional.of(Price.of("101"))));
    assertEquals(Optional.empty(), c.plannedExposure(Optional.empty()));
  }

  @Test
  void shouldKeepEverythingButTheIdentityInWithIdentity() {
    final XemmExecutorConfig c = XemmConfigs.makerBuy().build();
    final XemmExecutorConfig other = c.withIdentity("xe-9", "agent-1", T0.plusSeconds(5));

    assertEquals(
        new XemmExecutorConfig("xe-9", "agent-1", T0.plusSeconds(5), c.buyingMarket(),
            c.sellingMarket(), c.makerSide(), c.orderAmount(), c.minProfitability(),
            c.targetProfitability(), c.maxProfitability(), c.makerFeePct(), c.takerFeePct()),
        other);
  }
}
