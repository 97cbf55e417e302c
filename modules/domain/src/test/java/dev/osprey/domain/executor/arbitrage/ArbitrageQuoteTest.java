package dev.osprey.domain.executor.arbitrage;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER_B;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Arbitrage profitability after fees, and the strict trigger on it. */
class ArbitrageQuoteTest {

  @ParameterizedTest(name = "fees {0}/{1}, buy {2} sell {3} -> {6}")
  @CsvSource({
    // buying fee, selling fee, buying ask, selling bid, trade_pct, fees_quote, profitability
    "0,     0,     100, 101,   0.01,   0,      0.01",
    "0.001, 0.002, 100, 101.5, 0.015,  0.1515, 0.01197",  // (0.75 − 0.1515) / 50
    "0,     0,     100, 99,    -0.01,  0,      -0.01",
    "0.001, 0.001, 200, 201,   0.005,  0.2005, 0.002995", // (0.5 − 0.2005) / 100
  })
  void shouldComputeProfitabilityNetOfBothLegsFees(
      final String buyingFee,
      final String sellingFee,
      final String ask,
      final String bid,
      final String tradePct,
      final String feesQuote,
      final String profitability) {
    final CrossVenueRun<ArbitrageExecutor> run =
        ArbitrageConfigs.arbitrage().fees(buyingFee, sellingFee).run();
    run.book(PAPER, "1", ask).book(PAPER_B, bid, "1000");

    final ArbitrageQuote q = ArbitrageQuote.of(run.executor().config(), run.market()).orElseThrow();

    assertDecimal(ask, q.buyPrice().value());
    assertDecimal(bid, q.sellPrice().value());
    assertDecimal(tradePct, q.tradePnlPct());
    assertDecimal(feesQuote, q.feesQuote().value());
    assertDecimal(profitability, q.profitability());
  }

  @ParameterizedTest(name = "fees {0}/{1}, min {2}, selling bid {3} -> {4}")
  @CsvSource({
    // buying fee, selling fee, min_profitability, selling bid (buying ask 100), outcome
    "0,     0,     0.01,    101,    wait",    // exactly the minimum: not above it
    "0,     0,     0.01,    101.01, trigger",
    "0.001, 0.002, 0.01197, 101.5,  wait",
    "0.001, 0.002, 0.01197, 101.51, trigger", // (0.755 − 0.15151) / 50 = 0.0120698
    "0.001, 0.002, 0.01,    101,    wait",    // fees turn a 1% spread into 0.698%
    "0,     0,     -0.005,  99.6,   trigger", // a negative minimum is honoured as given
  })
  void shouldTriggerBothMarketLegsOnlyWhenProfitabilityIsStrictlyAboveTheMinimum(
      final String buyingFee,
      final String sellingFee,
      final String min,
      final String bid,
      final String outcome) {
    final CrossVenueRun<ArbitrageExecutor> run =
        ArbitrageConfigs.arbitrage().fees(buyingFee, sellingFee).minProfitability(min).run();
    run.book(PAPER, "99", "100").start();

    final List<String> facts =
        run.quote(PAPER_B, bid, new BigDecimal(bid).add(BigDecimal.ONE).toPlainString());

    assertEquals(
        outcome.equals("wait")
            ? List.of()
            : List.of(
                "shutdown COMPLETED",
                "submit arb-1-1 buy paper BUY MARKET 0.5",
                "submit arb-1-2 sell paper_b SELL MARKET 0.5"),
        facts);
  }
}
