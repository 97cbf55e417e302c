package dev.osprey.domain.executor.arbitrage;

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

/** Arbitrage config: both markets, the primary one, validation of every rule. */
class ArbitrageExecutorConfigTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case | buying pair | selling pair | amount | min | gas | buying fee | selling fee
        //   | violations
        "valid | BTC-USDT | BTC-USDT | 0.5 | 0.01 | | | | ",
        "wrapped base, stablecoin quotes | WETH-USDC | ETH-USDT | 0.5 | 0.01 | 2000 | 0.001 | 0 | ",
        "other base | BTC-USDT | ETH-USDT | 0.5 | 0.01 | | | |"
            + " selling_market.trading_pair: base asset must match buying_market's"
            + " (same, W-wrapped, or both USD)",
        "quotes need a conversion rate | SOL-USDT | SOL-BTC | 0.5 | 0.01 | | | |"
            + " selling_market.trading_pair: quote asset must match buying_market's"
            + " (same, W-wrapped, or both USD)",
        "no amount | BTC-USDT | BTC-USDT | | 0.01 | | | |"
            + " order_amount: must be a positive base amount",
        "no minimum | BTC-USDT | BTC-USDT | 0.5 | | | | |"
            + " min_profitability: is required (a fraction, 0.01 = 1%)",
        "zero gas price | BTC-USDT | BTC-USDT | 0.5 | 0.01 | 0 | | |"
            + " gas_conversion_price: must be positive when given",
        "fees out of range | BTC-USDT | BTC-USDT | 0.5 | 0.01 | | -0.1 | 1.5 |"
            + " buying_fee_pct: must be a fraction in [0, 1) (0.001 = 0.1%);"
            + " selling_fee_pct: must be a fraction in [0, 1) (0.001 = 0.1%)",
      })
  void shouldReportEveryBrokenRule(
      final String name,
      final String buyingPair,
      final String sellingPair,
      final String amount,
      final String min,
      final String gas,
      final String buyingFee,
      final String sellingFee,
      final String expected) {
    final ArbitrageExecutorConfig c =
        new ArbitrageExecutorConfig(
            "arb-1", "main", T0, new ConnectorPair("paper", TradingPair.parse(buyingPair)),
            new ConnectorPair("paper_b", TradingPair.parse(sellingPair)),
            amount == null ? null : Quantity.of(amount), dec(min), dec(gas), dec(buyingFee),
            dec(sellingFee));
    assertEquals(
        expected == null ? List.of() : List.of(expected.split("; ")),
        ConfigAssertions.rules(c.validate()));
  }

  /** An empty CSV cell is an absent field. */
  private static BigDecimal dec(final String s) {
    return s == null ? null : new BigDecimal(s);
  }

  @Test
  void shouldRequireTwoDistinctMarkets() {
    final ArbitrageExecutorConfig same =
        new ArbitrageExecutorConfig("a", "main", T0, PAPER, PAPER, Quantity.of("1"),
            new BigDecimal("0.01"), null, null, null);
    final ArbitrageExecutorConfig missing =
        new ArbitrageExecutorConfig("a", "main", T0, PAPER, null, Quantity.of("1"),
            new BigDecimal("0.01"), null, null, null);

    assertEquals(
        List.of(new FieldViolation("selling_market", "must differ from buying_market")),
        same.validate());
    assertEquals(
        List.of("selling_market"), missing.validate().stream().map(FieldViolation::field).toList());
    assertEquals(List.of(PAPER), missing.markets());
    assertThrows(FieldViolation.Invalid.class, () -> ArbitrageExecutor.create(same));
  }

  @Test
  void shouldTradeOnTheBuyingMarketFirstAndBuyThere() {
    final ArbitrageExecutorConfig c = ArbitrageConfigs.arbitrage().fees(null, null).build();

    assertEquals(List.of(PAPER, PAPER_B), c.markets());
    assertEquals("paper", c.connectorName());
    assertEquals(TradingPair.parse("BTC-USDT"), c.tradingPair());
    assertEquals(Side.BUY, c.side());
    assertEquals("arbitrage_executor", c.type());
    assertEquals(0, c.buyingFeePct().signum());
    assertEquals(0, c.sellingFeePct().signum());
    assertEquals(
        Optional.of(QuoteAmount.of("50")), c.plannedExposure(Optional.of(Price.of("100"))));
    assertEquals(Optional.empty(), c.plannedExposure(Optional.empty()));
    assertEquals(
        new ArbitrageExecutorConfig("arb-9", "agent", T0.plusSeconds(1), PAPER, PAPER_B,
            c.orderAmount(), c.minProfitability(), null, c.buyingFeePct(), c.sellingFeePct()),
        c.withIdentity("arb-9", "agent", T0.plusSeconds(1)));
  }
}
