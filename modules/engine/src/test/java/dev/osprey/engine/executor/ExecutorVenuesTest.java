package dev.osprey.engine.executor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.engine.venue.Venues;
import dev.osprey.exchange.ExchangeConnector;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** When a report from another node waits for this node's view of the venue, and until when. */
class ExecutorVenuesTest {
  /** A venue {@code paper} whose view here is at version 3, and at 5 once {@code atFive} is. */
  private static ExchangeConnector lagging(final CompletableFuture<Void> atFive) {
    return (ExchangeConnector) Proxy.newProxyInstance(
        ExchangeConnector.class.getClassLoader(),
        new Class<?>[] {ExchangeConnector.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "name" -> "paper";
          case "viewVersion" -> atFive.isDone() ? 5L : 3L;
          case "viewReached" -> (long) args[0] <= 3 ? CompletableFuture.completedFuture(null) : atFive;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void shouldHoldAReportBackOnlyWhileThisNodesViewIsOlder() {
    final CompletableFuture<Void> atFive = new CompletableFuture<>();
    final ExecutorVenues venues = new ExecutorVenues(
        new Venues(List.of(lagging(atFive))), LoggerFactory.getLogger("test"), "ex1");
    assertFalse(venues.behind("paper", 3).isPresent(), "as new as the report");
    assertFalse(venues.behind(null, 9).isPresent(), "made on this node");
    assertFalse(venues.behind("paper", 0).isPresent(), "a venue without versions");
    final CompletionStage<Void> waiting = venues.behind("paper", 5).orElseThrow();
    assertFalse(waiting.toCompletableFuture().isDone());
    atFive.complete(null);
    assertTrue(waiting.toCompletableFuture().isDone());
    assertFalse(venues.behind("paper", 5).isPresent());
  }
}
