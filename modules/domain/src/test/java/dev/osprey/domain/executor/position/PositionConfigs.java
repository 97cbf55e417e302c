package dev.osprey.domain.executor.position;

import dev.osprey.domain.executor.SingleMarketConfigs;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;

/** Builds position executor configs for tests: BUY 1 BTC-USDT at 100 on "paper", no barriers. */
final class PositionConfigs extends SingleMarketConfigs<PositionConfigs, PositionExecutorConfig, PositionRun> {
  static final String ID = "pe-1";

  private String entry = "100";
  private String amount = "1";

  private PositionConfigs() {
    super(PositionRun::new);
  }

  static PositionConfigs buy() {
    return new PositionConfigs();
  }

  static PositionConfigs sell() {
    return new PositionConfigs().side(Side.SELL);
  }

  /** {@code null} leaves the entry price to be resolved from the book. */
  PositionConfigs entry(final String price) {
    entry = price;
    return this;
  }

  PositionConfigs amount(final String base) {
    amount = base;
    return this;
  }

  @Override
  public PositionExecutorConfig build() {
    return new PositionExecutorConfig(
        ID, "main", T0, connector, pair, side, entry == null ? null : Price.of(entry),
        Quantity.of(amount),
        new TripleBarrierConfig(
            stopLoss, takeProfit, timeLimit, trailing, openType, takeProfitType, null, null),
        leverage == null ? 1 : leverage, bounds, "L0");
  }

  /**
   * A run started on a book of 100 / 100.01 (99.99 / 100 for a SELL) whose entry of 1 at 100
   * filled, paying {@code feeRate}.
   */
  PositionRun filled(final String feeRate) {
    final PositionRun run = run();
    run.book(side == Side.BUY ? "100" : "99.99", side == Side.BUY ? "100.01" : "100").start();
    run.fill(1, "100", "1", feeRate);
    return run;
  }
}
