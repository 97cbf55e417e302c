package dev.osprey.domain.executor.position;

import dev.osprey.domain.executor.EventText;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorRun;
import java.util.List;

/** {@link ExecutorRun} of a {@link PositionExecutor}. */
final class PositionRun extends ExecutorRun<PositionExecutor, PositionRun, List<ExecutorEvent>> {

  PositionRun(final PositionExecutorConfig config) {
    super(() -> PositionExecutor.create(config), PositionConfigs.BTC_USDT, PositionConfigs.T0, facts -> facts);
  }

  static List<String> describe(final List<ExecutorEvent> events) {
    return EventText.STANDARD.all(events);
  }
}
