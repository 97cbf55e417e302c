package dev.osprey.agent.routine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The most recent alerts, in memory, oldest dropped first once {@code capacity} is reached so a
 * noisy agent cannot grow it without bound. Shared by every agent of a node, hence synchronized.
 */
public final class AlertLog implements AlertSink {
  /** Alerts kept unless the constructor says otherwise. */
  public static final int DEFAULT_CAPACITY = 1000;

  private final int capacity;
  private final ArrayDeque<Alert> alerts = new ArrayDeque<>();

  /** A log keeping the last {@value #DEFAULT_CAPACITY} alerts. */
  public AlertLog() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * @param capacity how many alerts to keep, at least 1
   */
  public AlertLog(final int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
  }

  @Override
  public synchronized void record(final Alert alert) {
    alerts.addLast(Objects.requireNonNull(alert, "alert"));
    if (alerts.size() > capacity) {
      alerts.removeFirst();
    }
  }

  /**
   * The last alerts, oldest first.
   *
   * @param limit how many at most
   * @return a copy, at most {@code limit} long
   */
  public synchronized List<Alert> recent(final int limit) {
    final List<Alert> all = new ArrayList<>(alerts);
    return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
  }

  /** How many alerts are kept now. */
  public synchronized int size() {
    return alerts.size();
  }
}
