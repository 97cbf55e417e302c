package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.fail;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.osprey.testkit.cassandra.TestCassandra;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who wrote each persistence id's events, read from the journal table itself: the evidence that
 * two live copies of one entity never wrote at the same time. pekko-persistence-cassandra keys an
 * event by sequence number and write time, so two writers that both wrote sequence number n leave
 * two rows; and each incarnation of an entity writes with its own writer id, so a copy that went
 * on writing after another took over shows as a writer that comes back.
 */
final class JournalWriters {
  private record Event(long sequenceNr, String writer) {}

  /** Per persistence id, its writers in the order they wrote (one entry per run of events). */
  final Map<String, List<String>> writers = new TreeMap<>();

  private JournalWriters(final Map<String, List<Event>> events) {
    final List<String> problems = new ArrayList<>();
    events.forEach((pid, list) -> {
      list.sort(Comparator.comparingLong(Event::sequenceNr));
      final List<String> runs = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        final Event e = list.get(i);
        if (i > 0 && list.get(i - 1).sequenceNr() == e.sequenceNr()) {
          problems.add(pid + ": sequence number " + e.sequenceNr() + " written twice, by "
              + list.get(i - 1).writer() + " and " + e.writer());
        }
        if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(e.writer())) {
          if (runs.contains(e.writer())) {
            problems.add(pid + ": writer " + e.writer() + " wrote again at " + e.sequenceNr()
                + " after another writer; writers in order: " + runs);
          }
          runs.add(e.writer());
        }
      }
      writers.put(pid, runs);
    });
    if (!problems.isEmpty()) {
      fail("two live copies wrote to the journal:\n" + String.join("\n", problems));
    }
  }

  /** Reads every event row of {@code keyspace}'s journal and checks it has one writer at a time. */
  static JournalWriters check(final String keyspace) {
    final Map<String, List<Event>> events = new TreeMap<>();
    try (CqlSession session = CqlSession.builder()
        .addContactPoint(new InetSocketAddress("127.0.0.1", TestCassandra.get().cqlPort()))
        .withLocalDatacenter("datacenter1")
        .build()) {
      for (Row row : session.execute(
          "SELECT persistence_id, sequence_nr, writer_uuid FROM " + keyspace + ".messages")) {
        events.computeIfAbsent(row.getString("persistence_id"), k -> new ArrayList<>())
            .add(new Event(row.getLong("sequence_nr"), row.getString("writer_uuid")));
      }
    }
    return new JournalWriters(events);
  }

  /** The writers of the persistence id that ends with {@code |entityId}, in order. */
  List<String> of(final String entityType, final String entityId) {
    final List<String> w = writers.get(entityType + "|" + entityId);
    if (w == null) {
      fail("no events of " + entityType + "|" + entityId + " among " + writers.keySet());
    }
    return w;
  }
}
