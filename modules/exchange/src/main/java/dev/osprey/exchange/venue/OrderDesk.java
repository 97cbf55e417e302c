package dev.osprey.exchange.venue;

import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.exchange.ExchangeConnector.Subscription;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A real venue connector's order listeners and the {@code place} stages still waiting for the
 * venue: events go to every listener (a failing one is logged, never stops the others), a stage
 * completes once its order is answered. {@link #replay} is what makes {@code place} idempotent per
 * client order id. Everything but {@link #subscribe} runs on the connector's own thread.
 */
public final class OrderDesk {
  private final Listeners<OrderEvent> listeners;
  private final Map<ClientOrderId, CompletableFuture<Void>> waiting = new HashMap<>();

  /**
   * @param venue the venue's name in logs, e.g. {@code Binance}
   */
  public OrderDesk(final String venue) {
    this.listeners = new Listeners<>(venue + " order");
  }

  public Subscription subscribe(final Consumer<OrderEvent> listener) {
    return listeners.add(listener);
  }

  public void emit(final List<OrderEvent> events) {
    events.forEach(listeners::deliver);
  }

  /**
   * A place of an order already tracked: its events so far are published again, and {@code done}
   * completes with the first place's stage (at once when that one is settled).
   */
  public void replay(final VenueOrderTracker.Tracked known, final CompletableFuture<Void> done) {
    emit(known.history());
    final CompletableFuture<Void> inFlight = waiting.get(known.clientOrderId);
    if (inFlight == null) {
      done.complete(null);
    } else {
      inFlight.whenComplete((v, e) -> complete(done, e));
    }
  }

  /** {@code done} completes when {@link #settle} is called for {@code id}. */
  public void await(final ClientOrderId id, final CompletableFuture<Void> done) {
    waiting.put(id, done);
  }

  /** The orders whose place stage is still waiting. */
  public Set<ClientOrderId> waiting() {
    return Set.copyOf(waiting.keySet());
  }

  /** Completes {@code id}'s place stage: normally, or with {@code error} when not null. */
  public void settle(final ClientOrderId id, final Throwable error) {
    final CompletableFuture<Void> f = waiting.remove(id);
    if (f != null) {
      complete(f, error);
    }
  }

  public static void complete(final CompletableFuture<Void> f, final Throwable error) {
    if (error == null) {
      f.complete(null);
    } else {
      f.completeExceptionally(error);
    }
  }
}
