package dev.osprey.domain.executor.arbitrage;

import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER_B;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.T0;

import dev.osprey.domain.money.Quantity;
import java.math.BigDecimal;

/**
 * Builds arbitrage configs for tests: 0.5 BTC-USDT bought on "paper", sold on "paper_b",
 * min_profitability 0.01, fee rates 0.001 (buying venue) and 0.002 (selling venue).
 */
final class ArbitrageConfigs {
  static final String ID = "arb-1";

  private String amount = "0.5";
  private String min = "0.01";
  private String buyingFee = "0.001";
  private String sellingFee = "0.002";

  static ArbitrageConfigs arbitrage() {
    return new ArbitrageConfigs();
  }

  ArbitrageConfigs amount(final String base) {
    amount = base;
    return this;
  }

  ArbitrageConfigs minProfitability(final String fraction) {
    min = fraction;
    return this;
  }

  ArbitrageConfigs fees(final String buying, final String selling) {
    buyingFee = buying;
    sellingFee = selling;
    return this;
  }

  ArbitrageExecutorConfig build() {
    return new ArbitrageExecutorConfig(
        ID, "main", T0, PAPER, PAPER_B, Quantity.of(amount), new BigDecimal(min), null,
        buyingFee == null ? null : new BigDecimal(buyingFee),
        sellingFee == null ? null : new BigDecimal(sellingFee));
  }

  CrossVenueRun<ArbitrageExecutor> run() {
    final ArbitrageExecutorConfig config = build();
    return new CrossVenueRun<>(() -> ArbitrageExecutor.create(config));
  }
}
