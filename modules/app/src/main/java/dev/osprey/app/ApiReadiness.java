package dev.osprey.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;

/**
 * Pekko Management readiness check: {@code /ready} answers 200 only once this node's API can take
 * executors (HTTP bound, the journal answered a read). Cluster membership is checked by
 * Management's own cluster readiness check next to it.
 */
public final class ApiReadiness implements Supplier<CompletionStage<Boolean>> {
  private final Flag flag;

  public ApiReadiness(final ActorSystem system) {
    this.flag = FLAG.get(system);
  }

  @Override
  public CompletionStage<Boolean> get() {
    return CompletableFuture.completedFuture(flag.ready);
  }

  static void markReady(final ActorSystem system) {
    FLAG.get(system).ready = true;
  }

  static void markNotReady(final ActorSystem system) {
    FLAG.get(system).ready = false;
  }

  /** The per-actor-system readiness flag. */
  static final class Flag implements Extension {
    volatile boolean ready;
  }

  private static final AbstractExtensionId<Flag> FLAG = new AbstractExtensionId<>() {
    @Override
    public Flag createExtension(final ExtendedActorSystem system) {
      return new Flag();
    }
  };
}
