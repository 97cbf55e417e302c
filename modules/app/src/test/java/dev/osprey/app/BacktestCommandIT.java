package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static dev.osprey.testkit.JsonAssertions.assertNumbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/osprey backtest} as users run it, on the application this build packaged. */
class BacktestCommandIT {
  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Path DATA = Path.of("src/test/resources/backtest").toAbsolutePath();

  private static int osprey(final Path out, final Path log, final String... args) throws Exception {
    final List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("bin/osprey").toString(), "backtest"));
    command.addAll(List.of(args));
    final ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("OSPREY_SKIP_BUILD", "1");
    final Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("bin/osprey backtest did not finish");
    }
    return p.exitValue();
  }

  @Test
  void shouldWriteTheReportOfEveryExecutorAndTheHeldPositions(@TempDir final Path dir) throws Exception {
    final Path out = dir.resolve("report.json");
    final Path log = dir.resolve("log.txt");
    final int exit = osprey(out, log, "--executors", DATA.resolve("executors.json").toString(),
        "--market", DATA.resolve("market.csv").toString(),
        "--connectors", DATA.resolve("connectors.json").toString(), "--out", out.toString());
    assertEquals(0, exit, () -> readQuietly(log));

    final JsonNode report = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(out.toFile());
    final JsonNode tp = report.get("executors").get(0);
    assertEquals("tp1", tp.get("executor_id").asText());
    assertEquals("TAKE_PROFIT", tp.get("close_type").asText());
    assertNumbers(tp, "2.797", "0.203", "203");
    final JsonNode dip = report.get("executors").get(1);
    assertEquals("POSITION_HOLD", dip.get("close_type").asText());
    final JsonNode held = report.get("positions").get("replay").get("positions").get(0);
    assertDecimal("97", held.get("breakeven_price"));
    assertDecimal("2", held.get("net_amount_base"));

    final Path again = dir.resolve("again.json");
    assertEquals(0, osprey(again, log, "--executors", DATA.resolve("executors.json").toString(),
        "--market", DATA.resolve("market.csv").toString(),
        "--connectors", DATA.resolve("connectors.json").toString(), "--out", again.toString()));
    assertEquals(Files.readString(out), Files.readString(again), "byte-identical output");
  }

  /** The README's agent replay, as written there (paths relative to the repository). */
  @Test
  void shouldReplayTheStandardsExampleAgentAsTheReadmeShows(@TempDir final Path dir) throws Exception {
    final Path out = dir.resolve("backtest/report.json");
    final Path log = dir.resolve("log.txt");
    assertEquals(0, osprey(out, log, "--agent", "modules/agent/src/main/resources/examples/grid-market-maker",
        "--market", "modules/backtest/src/test/resources/agent-replay/market.csv",
        "--connectors", "modules/backtest/src/test/resources/agent-replay/connectors.json",
        "--out", out.toString()), () -> readQuietly(log));
    final JsonNode report = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(out.toFile());
    assertEquals(6, report.get("agent").get("executors_created").asInt());
    assertEquals(45, report.get("agent").get("ticks").get("total").asInt());
    final String journal = Files.readString(
        dir.resolve("backtest/trading_agents/grid-market-maker/trading_sessions/session_1/journal.md"));
    assertTrue(journal.contains("- ticks: 45 (ok 24, blocked 21, failed 0)"), journal);
  }

  /**
   * Every executor type in one replay: arbitrage and XEMM across paper and paper_b, grid, LP,
   * swap, DCA, TWAP, position and order executors. Hand-checked figures in the comments.
   */
  @Test
  void shouldReplayEveryExecutorType(@TempDir final Path dir) throws Exception {
    final Path data = DATA.resolve("all-types");
    final Path out = dir.resolve("report.json");
    final Path log = dir.resolve("log.txt");
    assertEquals(0, osprey(out, log, "--executors", data.resolve("executors.json").toString(),
        "--market", data.resolve("market.csv").toString(),
        "--connectors", data.resolve("connectors.json").toString(), "--out", out.toString()),
        () -> readQuietly(log));
    final JsonNode report = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(out.toFile());
    final java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
    report.get("executors").forEach(e -> byId.put(e.get("executor_id").asText(), e));
    assertEquals(9, byId.size());
    // Bought 2 at 100.1 on paper, sold at 101 on paper_b once (101 - 100.1) x 2 pays the fee rates.
    expect(byId.get("arb"), "COMPLETED", "1.8", "0", "402.2");
    // Maker BUY at 100 / 1.005 = 99.50 on paper fills, hedged at the paper_b bid 100.
    expect(byId.get("xemm"), "COMPLETED", "0.5", "0", "199.5");
    // Sold 3 at the bid 50 through the best provider's limit (jupiter: 50.01 x 0.999 x 0.99).
    expect(byId.get("swap"), "COMPLETED", "0", "0", "150");
    // Level 1 (1 @ 99) fills; at bid 100.2 net 1.2/99 > 1 %: sold at 100.2, fee 0.1002.
    expect(byId.get("dca"), "TAKE_PROFIT", "1.0998", "0.1002", "199.2");
    // Three slices of ~100 quote at the asks 100.1, 101.1, 99.1 (amounts floored to 0.001), handed
    // over to the position book on completion: the executor reports 0, the book holds the rest.
    expect(byId.get("twap"), "COMPLETED", "0", "0", "299.9797");
    // Sold 1 at 99.99 (fee 0.09999), bought back at 97.5 (fee 0.0975).
    expect(byId.get("pos"), "TAKE_PROFIT", "2.29251", "0.19749", "197.49");
    // Chased: 99.9, renewed at 100.89 when the bid rose to 101, filled when the ask fell to 99.1.
    expect(byId.get("chaser"), "POSITION_HOLD", "0", "0", "100.89");
    // Regression figures (the pool and grid math is hand-checked in the domain tests): LP closed when
    // the price reached its upper limit 115 after earning fees on the in-range move 100 -> 105.
    expect(byId.get("lp"), "EARLY_STOP", "4.71165111630585902", "0", "190.686675071630616212");
    assertDecimal("0.285338961678773106", byId.get("lp").get("fees_earned_quote"));
    // Grid: four BUY levels filled as the price fell (maker fee 0.05 % = 0.021970175 on 43.94035),
    // their take-profit orders rest; marked to the last mid 96.05.
    final JsonNode grid = byId.get("grid");
    assertEquals("RUNNING", grid.get("status").asText());
    assertNumbers(grid, "-0.931920175", "0.021970175", "43.94035");
    assertEquals("[\"L1\",\"L2\",\"L3\",\"L4\"]",
        grid.get("custom_info").get("levels_by_state").get("CLOSE_ORDER_PLACED").toString());
    // The swap's short; the TWAP's 2.997 and the chaser's 1 long on the same pair, one position.
    final JsonNode held = report.get("positions").get("r");
    assertEquals(2, held.get("total_positions").asInt(), held::toString);
    final JsonNode twp = held.get("positions").get(1);
    assertEquals("[\"twap\",\"chaser\"]", twp.get("executor_ids").toString());
    assertDecimal("3.997", twp.get("net_amount_base"));
    assertDecimal("400.8697", twp.get("buy_amount_quote"));   // 299.9797 + 100.89
  }

  private static void expect(final JsonNode e, final String closeType, final String pnl, final String fees,
      final String volume) {
    assertEquals(closeType, e.get("close_type").asText(), e::toString);
    assertNumbers(e, pnl, fees, volume);
  }

  @Test
  void shouldApplyScriptedActionsHoldingTheStoppedExecutorsPosition(@TempDir final Path dir) throws Exception {
    final Path actions = dir.resolve("actions.csv");
    Files.writeString(actions, "timestamp,action,executor_id,keep_position\n1700000090,stop,tp1,true\n");
    final Path out = dir.resolve("report.json");
    final Path log = dir.resolve("log.txt");
    assertEquals(0, osprey(out, log, "--executors", DATA.resolve("executors.json").toString(),
        "--market", DATA.resolve("market.csv").toString(),
        "--connectors", DATA.resolve("connectors.json").toString(), "--actions", actions.toString(),
        "--out", out.toString()), () -> readQuietly(log));
    final JsonNode report = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(out.toFile());
    final JsonNode tp = report.get("executors").get(0);
    // Stopped before the take profit (bid 103 at 1700000120): it keeps the 1 bought at 100.
    assertEquals("POSITION_HOLD", tp.get("close_type").asText());
    assertDecimal("1700000090", tp.get("close_timestamp"));
    assertDecimal("-0.1", tp.get("net_pnl_quote"));   // the taker fee it paid; the book holds the rest
    // tp1's 1 at 100 and dip's 2 at 97: one long of 3 at (100 + 194) / 3 = 98, marked to 96.05.
    final JsonNode held = report.get("positions").get("replay").get("positions").get(0);
    assertEquals("[\"tp1\",\"dip\"]", held.get("executor_ids").toString());
    assertDecimal("3", held.get("net_amount_base"));
    assertDecimal("294", held.get("buy_amount_quote"));
    assertDecimal("98", held.get("breakeven_price"));
    assertDecimal("-5.85", held.get("unrealized_pnl_quote"));

    Files.writeString(actions, "timestamp,action,executor_id\n1700000090,halt,tp1\n");
    assertEquals(2, osprey(out, log, "--executors", DATA.resolve("executors.json").toString(),
        "--market", DATA.resolve("market.csv").toString(), "--actions", actions.toString(),
        "--out", dir.resolve("r2.json").toString()));
    assertEquals("osprey backtest: actions.csv line 2, action: 'halt' is not one of [balance, quote, stop]",
        Files.readString(log).trim());
  }

  @Test
  void shouldExitTwoNamingTheProblemOnBadInput(@TempDir final Path dir) throws Exception {
    final Path bad = dir.resolve("market.csv");
    Files.writeString(bad, "timestamp,trading_pair,price\n1700000000,DEMO-USDT,-5\n");
    final Path log = dir.resolve("log.txt");
    final int exit = osprey(dir.resolve("r.json"), log, "--executors", DATA.resolve("executors.json").toString(),
        "--market", bad.toString(), "--out", dir.resolve("r.json").toString());
    assertEquals(2, exit);
    assertEquals("osprey backtest: market.csv line 2, price: must be positive", Files.readString(log).trim());
    assertEquals(false, new File(dir.resolve("r.json").toString()).exists());
  }

  private static String readQuietly(final Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
