package dev.osprey.engine.readmodel;

import com.datastax.oss.driver.api.core.cql.Row;
import dev.osprey.engine.executor.ExecutorView;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The read model in Cassandra: table {@code executor_read_model} in the journal's keyspace, one
 * partition per controller, one row per executor, the view as a blob in the cluster's own
 * serialization. Every write carries {@code USING TIMESTAMP <version>}: Cassandra keeps the cell
 * with the highest write timestamp, so an older row never overwrites a newer one whatever the
 * order the writes arrive in, and a re-delivered event rewrites the same values.
 */
public final class CassandraExecutorReadModel implements ExecutorReadModel {
  static final String TABLE = "executor_read_model";
  /**
   * The projection's session, not the journal's: the first user of a session config path fixes
   * its init, and the journal's init is what auto-creates its schema.
   */
  private static final String SESSION = "pekko.projection.cassandra.session-config";
  /** Ids per {@code IN} query when reading views. */
  private static final int VIEWS_PER_QUERY = 100;
  private static final String COLUMNS = "executor_id, controller_id, executor_type, connector_name, trading_pair, "
      + "side, status, close_type, created_at, created_nanos, closed_at, net_pnl_quote, cum_fees_quote, "
      + "filled_amount_quote, version";

  private final CassandraSession session;
  private final String table;
  private final ViewCodec codec;
  private final CompletionStage<Done> ready;

  private CassandraExecutorReadModel(
      final CassandraSession session, final String keyspace, final ViewCodec codec, final CompletionStage<Done> ready) {
    this.session = session;
    this.table = keyspace + "." + TABLE;
    this.codec = codec;
    this.ready = ready;
  }

  /**
   * The read model on the journal plugin's session; reads and writes wait for {@code tables}
   * (the table exists: created in dev and tests, by {@code deploy/cql/schema.cql} in production).
   */
  static CassandraExecutorReadModel start(
      final ActorSystem<?> system, final String keyspace, final ViewCodec codec, final CompletionStage<Done> tables) {
    final CassandraSession session = CassandraSessionRegistry.get(system).sessionFor(SESSION);
    return new CassandraExecutorReadModel(session, keyspace, codec, tables);
  }

  /** Creates the table (dev and tests) in an existing keyspace. */
  static CompletionStage<Done> createTable(final ActorSystem<?> system, final String keyspace) {
    return CassandraSessionRegistry.get(system).sessionFor(SESSION)
        .executeDDL(createTable(keyspace));
  }

  static String createTable(final String keyspace) {
    return "CREATE TABLE IF NOT EXISTS " + keyspace + "." + TABLE + " ("
        + "controller_id text, executor_id text, executor_type text, connector_name text, trading_pair text, "
        + "side text, status text, close_type text, created_at timestamp, created_nanos int, closed_at timestamp, "
        + "net_pnl_quote decimal, cum_fees_quote decimal, filled_amount_quote decimal, version bigint, "
        + "view_ser_id int, view_ser_manifest text, view_bytes blob, "
        + "PRIMARY KEY ((controller_id), executor_id))";
  }

  @Override
  public CompletionStage<Done> upsert(final ExecutorRow r, final ExecutorView view) {
    final ViewCodec.Encoded v = codec.encode(view);
    return ready.thenCompose(d -> session.executeWrite(
        "INSERT INTO " + table + " (" + COLUMNS + ", view_ser_id, view_ser_manifest, view_bytes) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?",
        r.executorId(), r.controllerId(), r.type(), r.connectorName(), r.tradingPair(), r.side(), r.status(),
        r.closeType(), r.createdAt(), r.createdAt() == null ? null : r.createdAt().getNano(), r.closedAt(),
        r.netPnlQuote(), r.cumFeesQuote(), r.filledAmountQuote(), r.version(),
        v.serializerId(), v.manifest(), ByteBuffer.wrap(v.bytes()), r.version()));
  }

  @Override
  public CompletionStage<List<ExecutorRow>> rows(final Collection<String> controllerIds) {
    final List<CompletableFuture<List<Row>>> reads = new ArrayList<>();
    for (String c : controllerIds) {
      reads.add(ready.thenCompose(d -> session.selectAll(
          "SELECT " + COLUMNS + " FROM " + table + " WHERE controller_id = ?", c)).toCompletableFuture());
    }
    return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(x -> {
      final List<ExecutorRow> out = new ArrayList<>();
      for (CompletableFuture<List<Row>> read : reads) {
        for (Row row : read.join()) {
          out.add(row(row));
        }
      }
      return out;
    });
  }

  private static ExecutorRow row(final Row row) {
    final Instant createdMs = row.getInstant("created_at");
    final Instant created = createdMs == null ? null : createdMs.plusNanos(row.getInt("created_nanos") % 1_000_000);
    return new ExecutorRow(row.getString("executor_id"), row.getString("controller_id"),
        row.getString("executor_type"), row.getString("connector_name"), row.getString("trading_pair"),
        row.getString("side"), row.getString("status"), row.getString("close_type"), created,
        row.getInstant("closed_at"), row.getBigDecimal("net_pnl_quote"), row.getBigDecimal("cum_fees_quote"),
        row.getBigDecimal("filled_amount_quote"), row.getLong("version"));
  }

  @Override
  public CompletionStage<List<ExecutorView>> views(final List<ExecutorRow> rows) {
    final Map<String, List<String>> idsByController = new LinkedHashMap<>();
    for (ExecutorRow r : rows) {
      idsByController.computeIfAbsent(r.controllerId(), c -> new ArrayList<>()).add(r.executorId());
    }
    final List<CompletableFuture<List<Row>>> reads = new ArrayList<>();
    idsByController.forEach((controller, ids) -> {
      for (int i = 0; i < ids.size(); i += VIEWS_PER_QUERY) {
        final List<String> chunk = List.copyOf(ids.subList(i, Math.min(ids.size(), i + VIEWS_PER_QUERY)));
        reads.add(ready.thenCompose(d -> session.selectAll(
            "SELECT executor_id, view_ser_id, view_ser_manifest, view_bytes FROM " + table
                + " WHERE controller_id = ? AND executor_id IN ?", controller, chunk)).toCompletableFuture());
      }
    });
    return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(x -> {
      final Map<String, ExecutorView> byId = new HashMap<>();
      for (CompletableFuture<List<Row>> read : reads) {
        for (Row row : read.join()) {
          final ByteBuffer blob = row.getByteBuffer("view_bytes");
          final byte[] bytes = new byte[blob.remaining()];
          blob.get(bytes);
          byId.put(row.getString("executor_id"), codec.decode(
              new ViewCodec.Encoded(row.getInt("view_ser_id"), row.getString("view_ser_manifest"), bytes)));
        }
      }
      final List<ExecutorView> out = new ArrayList<>(rows.size());
      for (ExecutorRow r : rows) {
        final ExecutorView v = byId.get(r.executorId());
        if (v == null) {
          throw new IllegalStateException("no view of executor " + r.executorId());
        }
        out.add(v);
      }
      return out;
    });
  }
}
