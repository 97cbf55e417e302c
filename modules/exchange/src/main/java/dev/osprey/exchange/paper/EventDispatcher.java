package dev.osprey.exchange.paper;

import java.util.ArrayDeque;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers venue notifications to listeners one at a time, in the order they were enqueued, with
 * no venue lock held.
 *
 * <p>The venue enqueues under its own lock, so the queue order is the order of state changes. The
 * first thread to call {@link #drain} delivers everything queued, including what other threads or
 * the listeners themselves enqueue meanwhile; a nested or concurrent {@code drain} returns at once.
 * So a listener that places an order from inside a callback never sees that order's events before
 * the callback it is in has returned and the earlier events have gone out.
 */
final class EventDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

  private final Queue<Runnable> queue = new ArrayDeque<>();
  private boolean draining;

  synchronized void enqueue(final Runnable delivery) {
    queue.add(delivery);
  }

  void drain() {
    synchronized (this) {
      if (draining) {
        return;
      }
      draining = true;
    }
    boolean emptied = false;
    try {
      while (!emptied) {
        final Runnable next;
        synchronized (this) {
          next = queue.poll();
          if (next == null) {
            draining = false;
            emptied = true;
            continue;
          }
        }
        runSafely(next);
      }
    } finally {
      if (!emptied) {
        // An Error escaped a listener: give the next caller the chance to deliver the rest.
        synchronized (this) {
          draining = false;
        }
      }
    }
  }

  private static void runSafely(final Runnable delivery) {
    try {
      delivery.run();
    } catch (RuntimeException e) {
      // One failing listener must not starve the others nor stall the queue.
      LOG.warn("paper venue listener failed", e);
    }
  }
}
