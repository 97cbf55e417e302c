package dev.osprey.api.scope;

import dev.osprey.engine.EntityError;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The controllers an agent harness acts for. Everything it asks for goes through gateways that
 * check this scope, so a route cannot forget it: another controller's executors, positions or
 * agents are refused (403) as if they were someone else's, and limits and trading states are never
 * its to change.
 */
public record ControllerScope(String user, Set<String> controllers) {
  public ControllerScope {
    controllers = Set.copyOf(controllers);
  }

  public boolean allows(final String controllerId) {
    return controllers.contains(controllerId);
  }

  /** A failed stage saying that {@code what} is not this user's to touch. */
  <T> CompletionStage<T> forbidden(final String what) {
    return CompletableFuture.failedFuture(new EntityError(EntityError.Kind.DENIED, "FORBIDDEN",
        "user " + user + " may act for controllers " + new TreeSet<>(controllers) + " only: " + what).toException());
  }

  /** {@code stage} when {@code controllerId} is in scope, else refused. */
  <T> CompletionStage<T> require(final String controllerId, final java.util.function.Supplier<CompletionStage<T>> stage) {
    return allows(controllerId) ? stage.get() : forbidden("not " + controllerId);
  }
}
