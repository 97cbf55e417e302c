package dev.osprey.testkit;

import dev.osprey.testkit.okx.SimCounters;
import java.math.BigDecimal;

/** The market state of a simulated venue, which its {@link MarketSimulator} sets up for tests. */
public interface SimulatedMarket {
  /** Commission rates charged on fills (fractions, e.g. 0.001). */
  void setFees(BigDecimal maker, BigDecimal taker);

  void setBalance(String asset, BigDecimal free);

  /**
   * Sets the ticker of {@code symbol}, fills the resting orders it crosses (buys at most {@code
   * askSize} in all, sells {@code bidSize}; null is unlimited) and pushes it to subscribers.
   */
  void setTicker(
      String symbol, BigDecimal bid, BigDecimal bidSize, BigDecimal ask, BigDecimal askSize);

  /** What the venue saw, by name. */
  SimCounters counters();
}
