package dev.osprey.exchange.venue;

import dev.osprey.exchange.venue.VenueOrderTracker.Sending;
import dev.osprey.exchange.venue.VenueOrderTracker.Tracked;
import dev.osprey.exchange.venue.VenueOrderTracker.Update;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles what a real venue's connector cannot know from its own messages by looking the order up
 * at the venue by client order id: after a reconnect, after an answer whose outcome is unknown or
 * that never came, and when a report shows a fill not seen yet. The venue has the order → what it
 * shows is applied (each fill once, see {@link VenueOrderTracker}); it has none and the order was
 * never answered → the order is sent (its first arrival, not a second order); it had been answered
 * → left, with a warning. A look-up that fails is retried with backoff. Each venue says how it looks
 * an order up and sends one; everything runs on the connector's thread.
 */
public abstract class VenueReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(VenueReconciler.class);

  /** Look-ups of one order tried again before giving up (then only logged). */
  private static final int RETRIES = 5;

  private final String venue;
  private final ScheduledExecutorService loop;
  private final Backoff backoff;

  /**
   * @param venue the venue as logs name it ({@code OKX})
   * @param loop the connector's thread
   */
  protected VenueReconciler(
      final String venue, final ScheduledExecutorService loop, final Backoff backoff) {
    this.venue = venue;
    this.loop = loop;
    this.backoff = backoff;
  }

  /**
   * Asks the venue for {@code t} and applies what it has to the tracker on the connector's thread:
   * that update, or empty when the venue has no such order.
   */
  protected abstract CompletionStage<Optional<Update>> lookUp(Tracked t);

  /** The venue has {@code t}: publish {@code update} and settle the order's place stage. */
  protected abstract void found(Tracked t, Update update);

  /** Sends {@code t}, which the venue never received. */
  protected abstract void resend(Tracked t);

  /** Whether {@code t}'s request is still on its way: then its answer decides, not a look-up. */
  protected boolean requestPending(final Tracked t) {
    return false;
  }

  /** Whether the connector closed or can no longer trade: no more retries. */
  protected abstract boolean stopped();

  /** Looks up every order of {@code tracker} that left and is not done (after a reconnect). */
  public final void unfinished(final VenueOrderTracker tracker) {
    for (Tracked t : tracker.unfinished()) {
      if (t.sending != Sending.QUEUED) {
        reconcile(t, 0);
      }
    }
  }

  /** Asks the venue for {@code t} ({@code attempt} look-ups of it failed so far) and settles it. */
  public final void reconcile(final Tracked t, final int attempt) {
    lookUp(t)
        .whenCompleteAsync(
            (update, error) -> {
              if (error != null) {
                retry(t, attempt, error);
                return;
              }
              switch (VenueOrderTracker.decide(t, update.isPresent())) {
                case APPLY:
                  found(t, update.get());
                  break;
                case SEND:
                  if (!requestPending(t)) {
                    LOG.info("{} never received order {}; sending it", venue, t.clientOrderId);
                    resend(t);
                  }
                  break;
                default:
                  LOG.warn(
                      "{} does not know order {} it had accepted; leaving it",
                      venue,
                      t.clientOrderId);
              }
            },
            loop);
  }

  private void retry(final Tracked t, final int attempt, final Throwable error) {
    if (attempt < RETRIES && !stopped()) {
      LOG.warn("{} look-up of {} failed ({}); retrying", venue, t.clientOrderId, error.toString());
      loop.schedule(
          () -> reconcile(t, attempt + 1),
          backoff.delay(attempt).toMillis(),
          TimeUnit.MILLISECONDS);
    } else {
      LOG.error("{} look-up of {} failed for good: {}", venue, t.clientOrderId, error.toString());
    }
  }
}
