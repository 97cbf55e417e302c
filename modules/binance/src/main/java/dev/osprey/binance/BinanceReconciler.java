package dev.osprey.binance;

import dev.osprey.exchange.venue.Backoff;
import dev.osprey.exchange.venue.OrderDesk;
import dev.osprey.exchange.venue.VenueOrderTracker.Sending;
import dev.osprey.exchange.venue.VenueOrderTracker.Tracked;
import dev.osprey.exchange.venue.VenueOrderTracker.Update;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles what the connector cannot know from its own messages by asking Binance (the order by
 * client order id, then its trades): after the user-data stream reconnected, after an answer whose
 * outcome is unknown, after a cancel that found the order done, and when a report shows a fill it
 * has not seen. Binance has the order → what it shows is applied (each fill once); it has none and
 * it was never answered → the order is sent, unless its POST is still on the way (then that answer
 * decides); it had been answered → left, with a warning. Look-ups that fail are retried with
 * backoff. Runs on the connector's thread.
 */
final class BinanceReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(BinanceReconciler.class);
  private static final int RETRIES = 5;

  private final BinanceRest rest;
  private final BinanceOrderTracker tracker;
  private final OrderDesk desk;
  private final ScheduledExecutorService loop;
  private final Backoff backoff;
  private final Clock clock;
  private final Consumer<Tracked> send;
  private final Predicate<Tracked> posting;
  private final BooleanSupplier stopped;

  /**
   * @param send sends an order Binance never received
   * @param posting whether an order's POST is on its way
   * @param stopped whether the connector closed or its key was refused (no more retries)
   */
  BinanceReconciler(
      final BinanceRest rest,
      final BinanceOrderTracker tracker,
      final OrderDesk desk,
      final ScheduledExecutorService loop,
      final Backoff backoff,
      final Clock clock,
      final Consumer<Tracked> send,
      final Predicate<Tracked> posting,
      final BooleanSupplier stopped) {
    this.rest = rest;
    this.tracker = tracker;
    this.desk = desk;
    this.loop = loop;
    this.backoff = backoff;
    this.clock = clock;
    this.send = send;
    this.posting = posting;
    this.stopped = stopped;
  }

  /** Looks up every order that left and is not done (the user-data stream is connected again). */
  void unfinished() {
    for (Tracked t : tracker.unfinished()) {
      if (t.sending != Sending.QUEUED) {
        reconcile(t, 0);
      }
    }
  }

  /** Emits {@code update}, and looks {@code known} up when it shows a fill not seen yet. */
  void apply(final Update update, final Tracked known) {
    desk.emit(update.events());
    if (update.needsLookup() && known != null) {
      reconcile(known, 0);
    }
  }

  /** Asks Binance for {@code t} and applies the answer. */
  void reconcile(final Tracked t, final int attempt) {
    rest.snapshot(t.instId, t.clientOrderId.value())
        .thenApplyAsync(
            snap -> snap.map(sn -> tracker.onSnapshot(sn.order(), sn.trades(), clock.instant())),
            loop)
        .whenCompleteAsync(
            (update, error) -> {
              if (error != null) {
                retry(t, attempt, error);
                return;
              }
              switch (BinanceOrderTracker.decide(t, update.isPresent())) {
                case APPLY:
                  desk.emit(update.get().events());
                  desk.settle(t.clientOrderId, null);
                  break;
                case SEND:
                  if (!posting.test(t)) {
                    LOG.info("Binance never received order {}; sending it", t.clientOrderId);
                    send.accept(t);
                  }
                  break;
                default:
                  LOG.warn(
                      "Binance does not know order {} it had accepted; leaving it",
                      t.clientOrderId);
              }
            },
            loop);
  }

  private void retry(final Tracked t, final int attempt, final Throwable error) {
    if (attempt < RETRIES && !stopped.getAsBoolean()) {
      LOG.warn("Binance look-up of {} failed ({}); retrying", t.clientOrderId, error.toString());
      loop.schedule(
          () -> reconcile(t, attempt + 1),
          backoff.delay(attempt).toMillis(),
          TimeUnit.MILLISECONDS);
    } else {
      LOG.error("Binance look-up of {} failed for good: {}", t.clientOrderId, error.toString());
    }
  }
}
