package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.backtest.Backtest;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.exchange.paper.MarketConfig;
import dev.osprey.testkit.ManualClock;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replay and live give the same answer: each scenario runs one executor over the same quotes twice,
 * on a whole node (HTTP, actors, the paper venue, a {@link ManualClock}) and in replay ({@link
 * Backtest}), and compares the reports field by field after every quote. The live node needs the
 * comparison to wait: its executors hear quotes and fills asynchronously, so after each quote the
 * test waits until the live report equals the replay's report of the quotes so far (a mismatch that
 * never resolves fails the test). That is the one difference replay is allowed: when, not what.
 */
class ReplayLiveParityTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  /** Compared as they are; decimals by value. */
  private static final List<String> FIELDS = List.of("executor_id", "controller_id", "status",
      "close_type", "close_timestamp", "timestamp", "net_pnl_quote", "net_pnl_pct", "cum_fees_quote",
      "filled_amount_quote", "fees_paid_quote", "fees_earned_quote", "error_count",
      "held_position_orders", "custom_info");
  private static final java.util.Set<String> VENUE_NUMBERS = java.util.Set.of("exchange_order_id", "trade_id");
  private static final ManualClock CLOCK = ManualClock.at(Instant.ofEpochSecond(1_700_000_000L));
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK);

  /** One pair on the node's venue {@code paper}, configured in both worlds alike. */
  private record Market(String pair, String makerFee, String takerFee, String minNotional) {
    String connectorsJson() {
      // The node's paper venues start with these balances (osprey.conf); replay gets the same.
      return """
          {"paper": {"balances": {"USDT": "100000", "BTC": "10", "ETH": "100", "SOL": "1000"},
            "markets": {"%s": {"maker_fee": "%s", "taker_fee": "%s", "min_notional": "%s"}}}}"""
          .formatted(pair, makerFee, takerFee, minNotional);
    }

    void configureLive() {
      final TradingRules d = TradingRules.DEFAULT;
      node.paper("paper").configureMarket(TradingPair.parse(pair), new MarketConfig(new BigDecimal(makerFee),
          new BigDecimal(takerFee), new TradingRules(d.minOrderSize(), new BigDecimal(minNotional),
              d.priceIncrement(), d.baseIncrement()))).toCompletableFuture().join();
    }
  }

  /**
   * Runs {@code executor} (a POST /executors body with an id) from the first quote on, live and in
   * replay, comparing after every quote; returns the final report, for the scenario's own checks.
   */
  private static JsonNode bothWays(final Market market, final String executor, final long start,
      final String... quotes) throws Exception {
    market.configureLive();
    final String id = JSON.readTree(executor).get("executor_config").get("id").asText();
    final List<String> rows = new ArrayList<>();
    JsonNode expected = null;
    for (int i = 0; i < quotes.length; i++) {
      final String[] q = quotes[i].split(" ");
      final long t = start + Long.parseLong(q[0]);
      rows.add(t + "," + market.pair() + "," + q[1] + "," + q[2]);
      CLOCK.set(Instant.ofEpochSecond(t));
      node.quote("paper", market.pair(), q[1], q[2]);
      if (i == 0) {
        final HttpResponse<String> r = node.send("POST", "/executors/", executor);
        assertEquals(201, r.statusCode(), r.body());
      }
      expected = replayed(market, executor, rows);
      awaitSame(id, expected);
    }
    return expected;
  }

  private static JsonNode replayed(final Market market, final String executor, final List<String> rows)
      throws Exception {
    final String csv = "timestamp,trading_pair,bid,ask\n" + String.join("\n", rows) + "\n";
    final JsonNode report = JSON.readTree(
        new Backtest().run("[" + executor + "]", csv, market.connectorsJson()));
    return report.get("executors").get(0);
  }

  private static void awaitSame(final String id, final JsonNode replay) {
    node.await(() -> {
      final JsonNode live;
      try {
        live = HttpNode.json(node.send("GET", "/executors/" + id, null));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      assertEquals(fields(replay), fields(live), "replay (expected) vs live (actual)");
      return live;
    });
  }

  /** The compared fields, decimals normalised so that 1.50 and 1.5 compare equal. */
  private static Map<String, String> fields(final JsonNode report) {
    final Map<String, String> out = new LinkedHashMap<>();
    for (String f : FIELDS) {
      out.put(f, normalised(report.get(f)));
    }
    return out;
  }

  private static String normalised(final JsonNode n) {
    if (n == null) {
      return "absent";
    }
    if (n.isNumber()) {
      return n.decimalValue().stripTrailingZeros().toPlainString();
    }
    if (n.isContainerNode()) {
      final StringBuilder b = new StringBuilder(n.isArray() ? "[" : "{");
      n.fields().forEachRemaining(e -> {
        // The venue numbers orders and trades per venue; the live venue also served the other
        // scenarios, so its numbers run on. Which order and which fill is compared by the rest.
        if (!VENUE_NUMBERS.contains(e.getKey())) {
          b.append(e.getKey()).append('=').append(normalised(e.getValue())).append(',');
        }
      });
      n.elements().forEachRemaining(e -> {
        if (n.isArray()) {
          b.append(normalised(e)).append(',');
        }
      });
      return b.append(n.isArray() ? "]" : "}").toString();
    }
    return n.asText();
  }

  @Test
  void shouldAgreeOnAnOrderExecutorsRestingLimit() throws Exception {
    final JsonNode end = bothWays(new Market("PAR1-USDT", "0", "0.001", "1"), """
        {"controller_id": "parity", "executor_config": {"id": "par-order", "type": "order_executor",
          "connector_name": "paper", "trading_pair": "PAR1-USDT", "side": "BUY", "amount": "2",
          "execution_strategy": "LIMIT", "price": "97"}}""", 1_700_000_000L,
        "0 99.9 100", "60 101 101.1", "180 96 96.1");
    assertEquals("POSITION_HOLD", end.get("close_type").asText());
    assertDecimal("1700000180", end.get("close_timestamp"));
  }

  @Test
  void shouldAgreeOnAPositionExecutorTakingProfit() throws Exception {
    final JsonNode end = bothWays(new Market("PAR2-USDT", "0", "0.001", "1"), """
        {"controller_id": "parity", "executor_config": {"id": "par-position", "type": "position_executor",
          "connector_name": "paper", "trading_pair": "PAR2-USDT", "side": "BUY", "amount": "1",
          "triple_barrier_config": {"take_profit": "0.02", "open_order_type": "MARKET"}}}""",
        1_700_010_000L, "0 99.9 100", "60 101 101.1", "120 103 103.1");
    assertEquals("TAKE_PROFIT", end.get("close_type").asText());
    // Bought at the ask 100 (fee 0.1), sold at the bid 103 (fee 0.103): 3 - 0.203.
    assertDecimal("2.797", end.get("net_pnl_quote"));
  }

  @Test
  void shouldAgreeOnAGridWhoseClosingSellIsUnderMinNotional() throws Exception {
    final JsonNode end = bothWays(new Market("PAR3-USDT", "0", "0.001", "10"), """
        {"controller_id": "parity", "executor_config": {"id": "par-grid", "type": "grid_executor",
          "connector_name": "paper", "trading_pair": "PAR3-USDT", "start_price": "99",
          "end_price": "101", "limit_price": "80", "total_amount_quote": "10.5",
          "min_order_amount_quote": "10", "triple_barrier_config": {"stop_loss": "0.02", "take_profit": "0.01"}}}""",
        1_700_020_000L, "0 100 100.1", "60 99.5 99.98", "120 94 94.1", "180 95.5 95.6");
    // One level: BUY 0.105 at 99.99, filled as maker at 1700020060. At bid 94 the stop loss sells
    // at market: 0.105 x 94 = 9.87 is under min_notional 10 at the taker price, refused in both
    // worlds (replay used to fill it); at bid 95.5 the retry's 10.0275 passes.
    assertEquals("STOP_LOSS", end.get("close_type").asText());
    assertEquals(1, end.get("error_count").asInt());
    assertDecimal("1700020180", end.get("close_timestamp"));
    // (95.5 - 99.99) x 0.105 = -0.471450, less the taker fee 0.0100275 on 10.0275.
    assertDecimal("-0.4814775", end.get("net_pnl_quote"));
    assertDecimal("0.0100275", end.get("cum_fees_quote"));
  }

  @Test
  void shouldAgreeOnADcaTakingProfit() throws Exception {
    final JsonNode end = bothWays(new Market("PAR4-USDT", "0", "0.001", "1"), """
        {"controller_id": "parity", "executor_config": {"id": "par-dca", "type": "dca_executor",
          "connector_name": "paper", "trading_pair": "PAR4-USDT", "side": "BUY",
          "amounts_quote": ["99", "98"], "prices": ["99", "98"], "take_profit": "0.01",
          "mode": "MAKER"}}""", 1_700_030_000L,
        "0 100 100.1", "60 98.5 98.9", "120 99.9 100.1", "180 100.2 100.3");
    assertEquals("TAKE_PROFIT", end.get("close_type").asText());
    // Level 1 (1 @ 99) filled as maker; at bid 100.2 net 1.2/99 > 1 %: sold, fee 0.1002.
    assertDecimal("1.0998", end.get("net_pnl_quote"));
  }
}
