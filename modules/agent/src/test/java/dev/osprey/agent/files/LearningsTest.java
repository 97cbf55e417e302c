package dev.osprey.agent.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learnings value: at most 20 active insights, newest first; the oldest retires first. */
class LearningsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private static Insight insight(final int minute) {
    return new Insight(T0.plus(Duration.ofMinutes(minute)), "insight " + minute);
  }

  private static Learnings withInsights(final int count) {
    Learnings l = Learnings.EMPTY;
    for (int m = 1; m <= count; m++) {
      l = l.add(insight(m));
    }
    return l;
  }

  @Test
  void shouldRetireTheOldestActiveInsightWhenATwentyFirstIsAdded() {
    final Learnings twenty = withInsights(20);
    final Learnings twentyOne = twenty.add(insight(21));

    assertEquals(20, twenty.active().size());
    assertEquals(List.of(), twenty.retired());
    assertEquals(20, twentyOne.active().size());
    assertEquals(insight(21), twentyOne.active().get(0));
    assertEquals(insight(2), twentyOne.active().get(19));
    assertEquals(List.of(insight(1)), twentyOne.retired());
  }

  @Test
  void shouldRetireTheOldestByTimeEvenWhenItIsNotLast() {
    Learnings l = Learnings.of(List.of(insight(5), insight(0), insight(7)), List.of());
    for (int m = 10; m < 27; m++) {
      l = l.add(insight(m));
    }

    assertEquals(20, l.active().size());
    assertEquals(List.of(), l.retired());
    assertEquals(List.of(insight(0)), l.add(insight(30)).retired());
  }

  @Test
  void shouldRetireByTextOrIndex() {
    final Learnings three = withInsights(3);

    assertEquals(List.of(insight(3), insight(1)), three.retire("insight 2").active());
    assertEquals(List.of(insight(2)), three.retire("insight 2").retired());
    assertEquals(List.of(insight(3)), three.retire(0).retired());
    assertThrows(IllegalArgumentException.class, () -> three.retire("insight 9"));
    assertThrows(IndexOutOfBoundsException.class, () -> three.retire(3));
  }

  @Test
  void shouldKeepTheTwentyMostRecentlyRetired() {
    Learnings l = withInsights(20);
    for (int i = 0; i < 20; i++) {
      l = l.retire(0); // newest first: insight 20 retires first, insight 1 last
    }
    l = l.add(insight(30)).retire(0);

    assertEquals(List.of(), l.active());
    assertEquals(20, l.retired().size());
    assertEquals(insight(30), l.retired().get(0));
    assertEquals(insight(1), l.retired().get(1));
    assertEquals(insight(19), l.retired().get(19)); // insight 20, retired first, is gone
  }

  @Test
  void shouldRetireTheOverflowOfListsThatAreTooLong() {
    final List<Insight> active = new ArrayList<>();
    for (int m = 22; m >= 1; m--) {
      active.add(insight(m));
    }

    final Learnings l = Learnings.of(active, List.of());

    assertEquals(active.subList(0, 20), l.active());
    assertEquals(List.of(insight(2), insight(1)), l.retired());
    assertThrows(IllegalArgumentException.class, () -> new Learnings(active, List.of()));
  }

  @Test
  void shouldKeepInsightsToTheMinuteAndOnOneLine() {
    final Insight i = new Insight(Instant.parse("2026-03-27T14:30:59.5Z"), "  spreads\n  widen  ");

    assertEquals(Instant.parse("2026-03-27T14:30:00Z"), i.at());
    assertEquals("spreads widen", i.text());
    assertThrows(IllegalArgumentException.class, () -> new Insight(T0, " \n "));
  }
}
