package dev.osprey.domain.executor;

import dev.osprey.domain.order.OrderEvent;

/** Everything that can make an executor decide something. */
public sealed interface ExecutorInput {
  /** The executor was just created (or its start was never decided before a crash). */
  record Start() implements ExecutorInput {}

  /** Its market's top of book changed; the new one is in the {@link MarketView}. */
  record MarketChanged() implements ExecutorInput {}

  /** The venue reported something about one of its orders. */
  record OrderUpdate(OrderEvent event) implements ExecutorInput {}

  /** A deadline the executor asked for ({@link Executor#wakeUpAt()}) has passed. */
  record Wake() implements ExecutorInput {}

  /** A user or agent asked it to stop, keeping or closing what it holds. */
  record Stop(boolean keepPosition) implements ExecutorInput {}
}
