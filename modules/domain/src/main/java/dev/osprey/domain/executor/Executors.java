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
import java.util.function.Function;

/**
 * The standard executor factory: one state machine per config type.
 *
 * <p>Two ways in, on purpose: {@link #create} is for a new config and enforces today's rules;
 * {@link #restore} rebuilds the state of a config the journal already holds and never validates it
 * again, so a rule tightened in a later release cannot make an old journal fail to replay.
 */
public final class Executors {
  /** Each config type and the state machine its configs restore to. */
  private static final List<Restorer<?>> RESTORERS =
      List.of(
          new Restorer<>(PositionExecutorConfig.class, PositionExecutor::restore),
          new Restorer<>(OrderExecutorConfig.class, OrderExecutor::restore),
          new Restorer<>(XemmExecutorConfig.class, XemmExecutor::restore),
          new Restorer<>(ArbitrageExecutorConfig.class, ArbitrageExecutor::restore),
          new Restorer<>(GridExecutorConfig.class, GridExecutor::restore),
          new Restorer<>(LpExecutorConfig.class, LpExecutor::restore),
          new Restorer<>(SwapExecutorConfig.class, SwapExecutor::restore),
          new Restorer<>(DcaExecutorConfig.class, DcaExecutor::restore),
          new Restorer<>(TwapExecutorConfig.class, TwapExecutor::restore));

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
    for (Restorer<?> r : RESTORERS) {
      if (r.type().isInstance(config)) {
        return r.restore(config);
      }
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

  private record Restorer<C extends ExecutorConfig>(
      Class<C> type, Function<? super C, ? extends Executor> restorer) {
    Executor restore(final ExecutorConfig config) {
      return restorer.apply(type.cast(config));
    }
  }
}
