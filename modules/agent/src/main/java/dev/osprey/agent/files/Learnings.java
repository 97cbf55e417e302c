package dev.osprey.agent.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an agent has learned across sessions (the standard's learnings.md): at most
 * {@value #MAX_ACTIVE} active insights, newest first, which go into every prompt, and the last
 * {@value #MAX_RETIRED} retired ones, most recently retired first. The cap keeps the prompt small;
 * a new insight beyond it retires the oldest active one. Immutable: every change returns new
 * learnings.
 */
public record Learnings(List<Insight> active, List<Insight> retired) {
  public static final int MAX_ACTIVE = 20;
  public static final int MAX_RETIRED = 20;

  /** Nothing learned yet. */
  public static final Learnings EMPTY = new Learnings(List.of(), List.of());

  /**
   * @throws IllegalArgumentException when a list is longer than its maximum (use {@link #of})
   */
  public Learnings {
    active = List.copyOf(active);
    retired = List.copyOf(retired);
    if (active.size() > MAX_ACTIVE || retired.size() > MAX_RETIRED) {
      throw new IllegalArgumentException("at most " + MAX_ACTIVE + " active and " + MAX_RETIRED
          + " retired insights, got " + active.size() + " and " + retired.size());
    }
  }

  /**
   * Learnings from lists of any length, as a hand-edited file may have them: active insights
   * beyond {@value #MAX_ACTIVE} are retired oldest first, and only the first
   * {@value #MAX_RETIRED} retired ones are kept.
   */
  public static Learnings of(final List<Insight> active, final List<Insight> retired) {
    final List<Insight> a = new ArrayList<>(active);
    final List<Insight> r = new ArrayList<>(retired);
    while (a.size() > MAX_ACTIVE) {
      r.add(0, a.remove(oldest(a)));
    }
    return new Learnings(a, r.subList(0, Math.min(r.size(), MAX_RETIRED)));
  }

  /** These learnings with {@code insight} first among the active ones. */
  public Learnings add(final Insight insight) {
    final List<Insight> a = new ArrayList<>(active.size() + 1);
    a.add(Objects.requireNonNull(insight, "insight"));
    a.addAll(active);
    return of(a, retired);
  }

  /**
   * These learnings with the active insight at {@code index} (0 = newest) retired.
   *
   * @throws IndexOutOfBoundsException when there is no such active insight
   */
  public Learnings retire(final int index) {
    final List<Insight> a = new ArrayList<>(active);
    final Insight gone = a.remove(index);
    final List<Insight> r = new ArrayList<>(retired.size() + 1);
    r.add(gone);
    r.addAll(retired);
    return of(a, r);
  }

  /**
   * These learnings with the first active insight that reads {@code text} retired.
   *
   * @throws IllegalArgumentException when no active insight reads so
   */
  public Learnings retire(final String text) {
    final String wanted = MdFormat.oneLine(text);
    for (int i = 0; i < active.size(); i++) {
      if (active.get(i).text().equals(wanted)) {
        return retire(i);
      }
    }
    throw new IllegalArgumentException("no active insight reads '" + wanted + "'");
  }

  /** The index of the oldest insight; of equally old ones, the lowest in the list. */
  private static int oldest(final List<Insight> insights) {
    int oldest = 0;
    for (int i = 1; i < insights.size(); i++) {
      if (!insights.get(i).at().isAfter(insights.get(oldest).at())) {
        oldest = i;
      }
    }
    return oldest;
  }
}
