package dev.osprey.engine.gateway;

import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.engine.risk.RiskProtocol;
import dev.osprey.engine.risk.RiskProtocol.Entry;
import java.util.List;
import java.util.Locale;

/**
 * Search rules: static filters on the directory entry, the status filter (coarse on the entry,
 * exact on the live view), and the cursor {@code <created epoch ms>:<executor id>} over the order
 * newest first, ties by id descending.
 */
final class SearchFilter {
  private SearchFilter() {}

  static boolean matchesStatic(final ExecutorSearch q, final Entry e) {
    return (q.connectorNames().isEmpty() || q.connectorNames().contains(e.connectorName()))
        && (q.tradingPairs().isEmpty() || q.tradingPairs().contains(e.tradingPair()))
        && (q.executorTypes().isEmpty() || q.executorTypes().contains(e.type()))
        && (q.statuses().isEmpty() || coarseStatusMatches(q, e));
  }

  private static boolean coarseStatusMatches(final ExecutorSearch q, final Entry e) {
    for (String s : q.statuses()) {
      final boolean wantsOpen = !s.toUpperCase(Locale.ROOT).equals("TERMINATED");
      if (wantsOpen == e.open()) {
        return true;
      }
    }
    return false;
  }

  static boolean matchesStatus(final ExecutorSearch q, final ExecutorView v) {
    if (q.statuses().isEmpty()) {
      return true;
    }
    final String status = v.report().status().name();
    for (String s : q.statuses()) {
      if (s.toUpperCase(Locale.ROOT).equals(status)) {
        return true;
      }
    }
    return false;
  }

  static String cursorOf(final Entry e) {
    return e.createdAt().toEpochMilli() + ":" + e.executorId();
  }

  /** The entries strictly after {@code cursor} in the sorted list; all when there is no cursor. */
  static List<Entry> after(final List<Entry> sorted, final String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return sorted;
    }
    for (int i = 0; i < sorted.size(); i++) {
      if (cursorOf(sorted.get(i)).equals(cursor)) {
        return sorted.subList(i + 1, sorted.size());
      }
    }
    throw new IllegalArgumentException("cursor '" + cursor + "' does not match any executor");
  }
}
