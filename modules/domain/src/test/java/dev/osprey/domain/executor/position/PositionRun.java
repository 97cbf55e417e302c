package dev.osprey.domain.executor.position;

import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorRun;
import dev.osprey.domain.order.ClientOrderId;
import java.util.List;

/** {@link ExecutorRun} of a {@link PositionExecutor}. */
final class PositionRun extends ExecutorRun<PositionExecutor, PositionRun> {

  PositionRun(final PositionExecutorConfig config) {
    super(() -> PositionExecutor.create(config), PositionConfigs.ID, PositionConfigs.BTC_USDT, PositionConfigs.T0);
  }

  @Override
  protected PositionRun self() {
    return this;
  }

  static ClientOrderId id(final int seq) {
    return ClientOrderId.forExecutor(PositionConfigs.ID, seq);
  }

  static List<String> describe(final List<ExecutorEvent> events) {
    return describeAll(events, e -> null);
  }

  static String describe(final ExecutorEvent e) {
    return describeOne(e, x -> null);
  }
}
