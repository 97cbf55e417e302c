package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Position executors created over HTTP on a {@link ProcessCluster}, each with its BUY of 1 resting
 * at 95 on the paper venue (take profit 2 %): what the tests that kill or cut off a node trade,
 * and the exact figures they close with.
 */
final class RestingExecutors {
  /** Pekko's default number of shards, as Osprey's sharding uses it. */
  private static final int SHARDS = 100;
  /** The paper venue's USDT balance as {@link PaperTestVenue} sets it up. */
  private static final BigDecimal STARTING_USDT = new BigDecimal("100000");
  private static final BigDecimal ENTRY = new BigDecimal("95");

  private final ProcessCluster cluster;
  private final String controller;
  private final String pair;
  final List<String> ids = new ArrayList<>();

  RestingExecutors(final ProcessCluster cluster, final String controller, final String pair) {
    this.cluster = cluster;
    this.controller = controller;
    this.pair = pair;
  }

  /** Quotes the pair above the orders, so that they rest: 99.9 / 100. */
  void openMarket(final NodeProcess via) throws Exception {
    ProcessCluster.quote(via, pair, "99.9", "100");
  }

  /** Creates {@code count} executors through {@code via} and waits until each has its order resting. */
  void create(final NodeProcess via, final int count) throws Exception {
    final int first = ids.size() + 1;
    for (int i = first; i < first + count; i++) {
      create(via, String.format(Locale.ROOT, "%s-%02d", controller, i));
    }
  }

  /**
   * Creates one more executor through {@code node} that {@code node} itself hosts: its id is
   * chosen among those whose shard the node already holds (a shard stays where it is allocated).
   */
  String createHostedBy(final NodeProcess node) throws Exception {
    final Set<String> shards = shardsOf(node);
    assertTrue(!shards.isEmpty(), node.name + " holds no executor shard");
    for (int k = 0; ; k++) {
      final String id = controller + "-on-" + node.name + "-" + k;
      if (shards.contains(shardOf(id))) {
        create(node, id);
        return id;
      }
    }
  }

  private void create(final NodeProcess via, final String id) throws Exception {
    final HttpResponse<String> created = via.api("POST", "/executors/", """
        {"controller_id": "%s", "executor_config": {"id": "%s", "type": "position_executor",
          "connector_name": "paper", "trading_pair": "%s", "side": "BUY", "amount": "1",
          "entry_price": "95", "triple_barrier_config": {"take_profit": "0.02"}}}"""
        .formatted(controller, id, pair), Duration.ofSeconds(60));
    assertEquals(201, created.statusCode(), created.body());
    ids.add(id);
    cluster.await(via, id, e -> "RUNNING".equals(e.get("status").asText())
        && e.get("custom_info").get("order_ids").size() == 1);
    awaitRestingAtVenue(via);
  }

  /**
   * Waits until the venue holds every order: 95 USDT of the 100000 locked for each. An order
   * still on its way when a node is killed or cut off is sent again from the journal, but then
   * onto quotes set later, with other figures than those {@link #takeProfit} checks.
   */
  private void awaitRestingAtVenue(final NodeProcess via) {
    final BigDecimal available = STARTING_USDT.subtract(ENTRY.multiply(BigDecimal.valueOf(ids.size())));
    cluster.eventually(Duration.ofSeconds(30), () -> {
      final HttpResponse<String> r = via.api("GET", "/paper/balances", null, Duration.ofSeconds(3));
      assertEquals(200, r.statusCode(), r.body());
      final JsonNode usdt = ProcessCluster.JSON.readTree(r.body()).get("USDT");
      assertEquals(0, available.compareTo(new BigDecimal(usdt.asText())), () -> "USDT available: " + r.body());
      return null;
    });
  }

  /** The ids of these executors whose shard {@code node}'s region holds now. */
  List<String> hostedBy(final NodeProcess node) throws Exception {
    final Set<String> shards = shardsOf(node);
    return ids.stream().filter(id -> shards.contains(shardOf(id))).toList();
  }

  /** Every executor still has exactly its one order: nothing was sent twice. */
  void assertOneOrderEach(final NodeProcess via) throws Exception {
    for (String id : ids) {
      assertEquals(1, ProcessCluster.executor(via, id).get("custom_info").get("order_ids").size(), id);
    }
  }

  /**
   * Quotes through {@code via} so that every resting BUY fills (at 95, maker, no fee). Retried
   * until the node accepts it: while a node is being downed, the venue may be on its way to
   * another (setting the same quote twice changes nothing).
   */
  void fill(final NodeProcess via) {
    cluster.eventually(Duration.ofSeconds(90), () -> {
      ProcessCluster.quote(via, pair, "94", "94.5");
      return null;
    });
  }

  /**
   * Quotes through {@code quoteVia} so that every filled executor takes profit at 97
   * ((97 - 95) / 95 = 2.1 % >= 2 %), once all are trading, and checks each executor's figures
   * through {@code readVia}: net 1.903, 192 traded, one opening and one closing order.
   */
  void takeProfit(final NodeProcess quoteVia, final NodeProcess readVia) throws Exception {
    for (String id : ids) {
      cluster.await(readVia, id, e -> e.get("is_trading").asBoolean());
    }
    ProcessCluster.quote(quoteVia, pair, "97", "97.1");
    for (String id : ids) {
      final JsonNode closed = cluster.await(readVia, id, e -> "TERMINATED".equals(e.get("status").asText()));
      assertEquals("TAKE_PROFIT", closed.get("close_type").asText(), id);
      assertEquals(0, new BigDecimal("1.903").compareTo(closed.get("net_pnl_quote").decimalValue()), id);
      assertEquals(0, new BigDecimal("192").compareTo(closed.get("filled_amount_quote").decimalValue()), id);
      assertEquals(2, closed.get("custom_info").get("order_ids").size(), id + ": one open, one close");
    }
  }

  /** The executor shards {@code node}'s region holds, from its management API. */
  static Set<String> shardsOf(final NodeProcess node) throws Exception {
    final Set<String> out = new HashSet<>();
    for (JsonNode region : ProcessCluster.JSON.readTree(node.managementBody("/cluster/shards/Executor"))
        .get("regions")) {
      out.add(region.get("shardId").asText());
    }
    return out;
  }

  /** Pekko's default shard of an entity id: |hashCode mod number of shards|. */
  private static String shardOf(final String entityId) {
    return Integer.toString(Math.abs(entityId.hashCode() % SHARDS));
  }
}
