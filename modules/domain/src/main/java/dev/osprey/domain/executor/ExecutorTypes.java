package dev.osprey.domain.executor;

import dev.osprey.domain.executor.xemm.XemmExecutorConfig;
import dev.osprey.domain.executor.arbitrage.ArbitrageExecutorConfig;
import dev.osprey.domain.executor.dca.DcaExecutorConfig;
import dev.osprey.domain.executor.grid.GridExecutorConfig;
import dev.osprey.domain.executor.lp.LpExecutorConfig;
import dev.osprey.domain.executor.order.OrderExecutorConfig;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.domain.executor.swap.SwapExecutorConfig;
import dev.osprey.domain.executor.twap.TwapExecutorConfig;
import java.util.List;

/** The executor types this build runs, by their reference type names. */
public final class ExecutorTypes {
  private ExecutorTypes() {}

  public static List<String> names() {
    return List.of(PositionExecutorConfig.TYPE, GridExecutorConfig.TYPE, DcaExecutorConfig.TYPE,
        ArbitrageExecutorConfig.TYPE, TwapExecutorConfig.TYPE, XemmExecutorConfig.TYPE, OrderExecutorConfig.TYPE,
        LpExecutorConfig.TYPE, SwapExecutorConfig.TYPE);
  }
}
