package dev.osprey.domain.executor;

import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.arbitrage.ArbitrageExecutor;
import dev.osprey.domain.executor.arbitrage.ArbitrageExecutorConfig;
import dev.osprey.domain.executor.dca.DcaExecutor;
import dev.osprey.domain.executor.dca.DcaExecutorConfig;
import dev.osprey.domain.executor.grid.GridExecutor;
import dev.osprey.domain.executor.grid.GridExecutorConfig;
import dev.osprey.domain.executor.lp.LpExecutor;
import dev.osprey.domain.executor.lp.LpExecutorConfig;
import dev.osprey.domain.executor.order.OrderExecutor;
import dev.osprey.domain.executor.order.OrderExecutorConfig;
import dev.osprey.domain.executor.position.PositionExecutor;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.domain.executor.swap.SwapExecutor;
import dev.osprey.domain.executor.swap.SwapExecutorConfig;
import dev.osprey.domain.executor.twap.TwapExecutor;
import dev.osprey.domain.executor.twap.TwapExecutorConfig;
import dev.osprey.domain.executor.xemm.XemmExecutor;
import dev.osprey.domain.executor.xemm.XemmExecutorConfig;
import java.util.List;
import java.util.Objects;

/**
 * The standard executor factory: one state machine per config type.
 *
 * <p>Two ways in, on purpose: {@link #create} is for a new config and enforces today's rules;
 * {@link #restore} rebuilds the state of a config the journal already holds and never validates it
 * again, so a rule tightened in a later release cannot make an old journal fail to replay.
 */
public final class Executors {
  private Executors() {}

  public static ExecutorFactory standard() {
    return Executors::create;
  }

  /**
   * A new executor (NOT_STARTED) for a config that carries its identity.
   *
   * @throws FieldViolation.Invalid when the config breaks a rule
   */
  public static Executor create(final ExecutorConfig config) {
    return restore(requireValid(config));
  }

  /** The NOT_STARTED state of a persisted config, as it was accepted then: no validation. */
  public static Executor restore(final ExecutorConfig config) {
    Objects.requireNonNull(config, "config");
    if (config instanceof PositionExecutorConfig c) {
      return PositionExecutor.restore(c);
    }
    if (config instanceof OrderExecutorConfig c) {
      return OrderExecutor.restore(c);
    }
    if (config instanceof XemmExecutorConfig c) {
      return XemmExecutor.restore(c);
    }
    if (config instanceof ArbitrageExecutorConfig c) {
      return ArbitrageExecutor.restore(c);
    }
    if (config instanceof GridExecutorConfig c) {
      return GridExecutor.restore(c);
    }
    if (config instanceof LpExecutorConfig c) {
      return LpExecutor.restore(c);
    }
    if (config instanceof SwapExecutorConfig c) {
      return SwapExecutor.restore(c);
    }
    if (config instanceof DcaExecutorConfig c) {
      return DcaExecutor.restore(c);
    }
    if (config instanceof TwapExecutorConfig c) {
      return TwapExecutor.restore(c);
    }
    throw new IllegalArgumentException("no executor for type " + config.type());
  }

  /**
   * {@code config} itself when it carries its identity and breaks no rule of today's release.
   *
   * @throws FieldViolation.Invalid when it breaks a rule
   */
  public static <C extends ExecutorConfig> C requireValid(final C config) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(config.id(), "config.id");
    final List<FieldViolation> violations = config.validate();
    if (!violations.isEmpty()) {
      throw new FieldViolation.Invalid(violations);
    }
    return config;
  }

  /** {@code Name[id STATUS CLOSE_TYPE orders=n retries=n]}, for logs. */
  public static String describe(final Executor e) {
    final Lifecycle l = e.lifecycle();
    return e.getClass().getSimpleName() + "[" + e.config().id() + " " + l.status()
        + (l.closeType() == null ? "" : " " + l.closeType()) + " orders="
        + l.orders().entries().size() + " retries=" + l.retries() + "]";
  }
}
