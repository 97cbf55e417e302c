package dev.osprey.engine.executor;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * How many executor entity incarnations this actor system started (each one recovers its journal).
 * Tests and the benchmark read it to prove that a read did not wake an executor.
 */
public final class ExecutorStarts implements Extension {
  private static final ExtensionId<ExecutorStarts> ID = new ExtensionId<>() {
    @Override
    public ExecutorStarts createExtension(final ActorSystem<?> system) {
      return new ExecutorStarts();
    }
  };

  private final AtomicLong started = new AtomicLong();

  private ExecutorStarts() {}

  public static ExecutorStarts get(final ActorSystem<?> system) {
    return ID.apply(system);
  }

  void started() {
    started.incrementAndGet();
  }

  /** Executor entities started (recovered) so far on this node. */
  public long count() {
    return started.get();
  }
}
