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
final class ArbitrageConfigs
    extends CrossVenueConfigs<ArbitrageConfigs, ArbitrageExecutorConfig, ArbitrageExecutor> {
  static final String ID = "arb-1";

  private String min = "0.01";

  private ArbitrageConfigs() {
    super(ArbitrageExecutor::create);
  }

  static ArbitrageConfigs arbitrage() {
    return new ArbitrageConfigs();
  }

  ArbitrageConfigs minProfitability(final String fraction) {
    min = fraction;
    return this;
  }

  @Override
  public ArbitrageExecutorConfig build() {
    return new ArbitrageExecutorConfig(
        ID, "main", T0, PAPER, PAPER_B, Quantity.of(amount), new BigDecimal(min), null,
        decimal(firstFee), decimal(secondFee));
  }
}
