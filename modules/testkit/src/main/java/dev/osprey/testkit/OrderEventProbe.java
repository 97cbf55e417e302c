package dev.osprey.testkit;

import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Collects order events and lets a test wait (with a deadline, never a sleep) for the ones it
 * expects.
 */
public final class OrderEventProbe implements Consumer<OrderEvent> {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final List<OrderEvent> events = new ArrayList<>();

  @Override
  public synchronized void accept(final OrderEvent event) {
    events.add(event);
    notifyAll();
  }

  /** The events of {@code id} so far, in arrival order. */
  public synchronized List<OrderEvent> of(final ClientOrderId id) {
    final List<OrderEvent> out = new ArrayList<>();
    for (OrderEvent e : events) {
      if (e.clientOrderId().equals(id)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Waits until {@code id} has an event matching {@code what}; returns the first one. */
  public synchronized <T extends OrderEvent> T await(
      final ClientOrderId id, final Class<T> type, final Predicate<T> what)
      throws InterruptedException {
    final long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      for (OrderEvent e : of(id)) {
        if (type.isInstance(e) && what.test(type.cast(e))) {
          return type.cast(e);
        }
      }
      final long leftMs = (deadline - System.nanoTime()) / 1_000_000;
      if (leftMs <= 0) {
        throw new AssertionError(
            "no " + type.getSimpleName() + " for " + id + " in " + TIMEOUT + "; events: " + of(id));
      }
      wait(leftMs);
    }
  }

  public <T extends OrderEvent> T await(final ClientOrderId id, final Class<T> type)
      throws InterruptedException {
    return await(id, type, e -> true);
  }

  /** Waits until {@code id} has events whose fills add up to {@code amount}. */
  public synchronized void awaitFilled(final ClientOrderId id, final String amount)
      throws InterruptedException {
    final long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (filled(id).compareTo(new java.math.BigDecimal(amount)) < 0) {
      final long leftMs = (deadline - System.nanoTime()) / 1_000_000;
      if (leftMs <= 0) {
        throw new AssertionError(
            "order " + id + " not filled to " + amount + "; events: " + of(id));
      }
      wait(leftMs);
    }
  }

  public synchronized java.math.BigDecimal filled(final ClientOrderId id) {
    java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
    for (OrderEvent e : of(id)) {
      if (e instanceof OrderEvent.Filled f) {
        sum = sum.add(f.fill().amount().value());
      }
    }
    return sum;
  }

  /** The class names of {@code id}'s events, in order: {@code [Accepted, Filled, Filled]}. */
  public synchronized List<String> kinds(final ClientOrderId id) {
    final List<String> out = new ArrayList<>();
    for (OrderEvent e : of(id)) {
      out.add(e.getClass().getSimpleName());
    }
    return out;
  }
}
