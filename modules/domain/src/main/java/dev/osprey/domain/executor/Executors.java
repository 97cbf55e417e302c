package dev.osprey.domain.executor;

import dev.osprey.domain.executor.xemm.XemmExecutor;
import dev.osprey.domain.executor.xemm.XemmExecutorConfig;
import dev.osprey.domain.executor.arbitrage.ArbitrageExecutor;
import dev.osprey.domain.executor.arbitrage.ArbitrageExecutorConfig;
import dev.osprey.domain.executor.dca.DcaExecutor;
import dev.osprey.domain.executor.dca.DcaExecutorConfig;
import dev.osprey.domain.executor.grid.GridExecutor;
import dev.osprey.domain.executor.grid.GridExecutorConfig;
import dev.osprey.domain.executor.lp.LpExecutor;
import dev.osprey.domain.executor.lp.LpExecutorConfig;
import dev.osprey.domain.executor.swap.SwapExecutor;
import dev.osprey.domain.executor.swap.SwapExecutorConfig;
import dev.osprey.domain.executor.twap.TwapExecutor;
import dev.osprey.domain.executor.twap.TwapExecutorConfig;
import dev.osprey.domain.executor.order.OrderExecutor;
import dev.osprey.domain.executor.order.OrderExecutorConfig;
import dev.osprey.domain.executor.position.PositionExecutor;
import dev.osprey.domain.executor.position.PositionExecutorConfig;

/** The standard executor factory: one state machine per config type. */
public final class Executors {
  private Executors() {}

  public static ExecutorFactory standard() {
    return Executors::create;
  }

  public static Executor create(final ExecutorConfig config) {
    if (config instanceof PositionExecutorConfig p) {
      return PositionExecutor.create(p);
    }
    if (config instanceof OrderExecutorConfig o) {
      return OrderExecutor.create(o);
    }
    if (config instanceof XemmExecutorConfig c) {
      return XemmExecutor.create(c);
    }
    if (config instanceof ArbitrageExecutorConfig c) {
      return ArbitrageExecutor.create(c);
    }
    if (config instanceof GridExecutorConfig c) {
      return GridExecutor.create(c);
    }
    if (config instanceof LpExecutorConfig c) {
      return LpExecutor.create(c);
    }
    if (config instanceof SwapExecutorConfig c) {
      return SwapExecutor.create(c);
    }
    if (config instanceof DcaExecutorConfig c) {
      return DcaExecutor.create(c);
    }
    if (config instanceof TwapExecutorConfig c) {
      return TwapExecutor.create(c);
    }
    throw new IllegalArgumentException("no executor for type " + config.type());
  }
}
