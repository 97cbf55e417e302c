package dev.osprey.engine.executor;

import dev.osprey.domain.executor.Executor;
import dev.osprey.domain.executor.ExecutorFactory;
import dev.osprey.engine.EngineContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An executor's state rebuilt from its journaled events outside its entity, as the entity's own
 * event handler does, and its view as the entity would answer it. The read model projection uses
 * it so that reading a terminated executor never needs the entity.
 */
public final class ExecutorReplay {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorReplay.class);

  private ExecutorReplay() {}

  /**
   * The executor after {@code event}; {@code before} is null until {@link ExecutorEntity.Created}.
   * A close notice changes nothing the view shows.
   */
  public static Executor apply(final Executor before, final ExecutorEntity.Event event, final ExecutorFactory factory) {
    if (event instanceof ExecutorEntity.Created c) {
      return factory.create(c.config());
    }
    if (event instanceof ExecutorEntity.Recorded r) {
      if (before == null) {
        throw new IllegalStateException("a recorded fact before the executor was created");
      }
      return before.apply(r.fact());
    }
    return before;
  }

  /** The view of {@code executor} now: its report against the venues' current books. */
  public static ExecutorView view(final Executor executor, final EngineContext engine) {
    final var venues = new ExecutorVenues(engine.venues(), LOG, executor.config().id());
    return new ExecutorView(executor.config(),
        executor.report(venues.marketView(executor.config()), engine.clock().instant()), executor.heldOrders());
  }
}
