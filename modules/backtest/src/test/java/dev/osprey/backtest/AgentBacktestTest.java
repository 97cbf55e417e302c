package dev.osprey.backtest;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.agent.files.AgentTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard's example agent ({@code agent.md} exactly as the standard writes it: Grid Market
 * Maker on SOL-USDC) replayed over a recorded 45-minute quote series of {@code
 * binance_perpetual_paper_trade}, with the exact executors it creates, when, and how they end.
 *
 * <p>The series rises for 10 minutes, falls 2.5 % over the next 10, drifts up, then rises again;
 * quotes every 10 s, one tick a minute (tick_interval 60).
 */
class AgentBacktestTest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static AgentBacktest.Outcome outcome;
  private static JsonNode report;

  static String resource(final String name) throws IOException {
    try (InputStream in = AgentBacktestTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The standard's example agent.md, exactly as the standard writes it (osprey-agent ships it). */
  static AgentTree standardExample() throws IOException {
    final Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("agent.md", resource("examples/grid-market-maker/agent.md").getBytes(StandardCharsets.UTF_8));
    return new AgentTree("grid-market-maker", files);
  }

  static AgentBacktest.Outcome replay(final AgentTree agent) throws IOException {
    return new AgentBacktest().run(agent, resource("agent-replay/market.csv"),
        resource("agent-replay/connectors.json"), null, null);
  }

  @BeforeAll
  static void replayOnce() throws IOException {
    outcome = replay(standardExample());
    report = JSON.readTree(outcome.report());
  }

  private static String file(final String path) {
    return new String(outcome.files().files().get(path), StandardCharsets.UTF_8);
  }

  @Test
  void shouldTickEveryMinuteOfTheDataAndBlockTicksPastTheDrawdownLimit() {
    final JsonNode agent = report.get("agent");
    assertEquals("grid-market-maker", agent.get("id").asText());
    assertEquals("grid_market_maker", agent.get("policy").asText());
    final JsonNode ticks = agent.get("ticks");
    // 00:00 to 00:44 of the data's clock. The pre-tick gate blocks 17-31 and 39-45: the marked
    // P&L fell more than max_drawdown_pct 10 below its (small) peak.
    assertEquals(45, ticks.get("total").asInt());
    assertEquals(24, ticks.get("ok").asInt());
    assertEquals(21, ticks.get("blocked").asInt());
    assertEquals(0, ticks.get("failed").asInt());
    assertEquals(6, agent.get("executors_created").asInt());
    assertEquals(0, agent.get("actions_refused").asInt());
  }

  /** Each grid pair is laid around the mid of its tick: BUY mid×(1−5×0.3 %)…mid×1.003, SELL mirrored. */
  @Test
  void shouldCreateExactlyTheseGridsWhenThePreviousOnesHaveEnded() {
    final JsonNode executors = report.get("executors");
    assertEquals(6, executors.size());
    // tick 1 (00:00, mid 240.04): the first pair.
    assertGrid(executors.get(0), "grid-market-maker:s1:t1:0", "BUY", "236.4394", "240.76012", "TAKE_PROFIT", "0");
    assertGrid(executors.get(1), "grid-market-maker:s1:t1:1", "SELL", "239.31988", "243.6406", "POSITION_HOLD",
        "0.131779232");
    // ticks 2-15 hold; tick 16 (00:15, mid 239.3) lays the second pair once both have ended.
    assertGrid(executors.get(2), "grid-market-maker:s1:t16:0", "BUY", "235.7105", "240.0179", "POSITION_HOLD",
        "0.127860512");
    assertGrid(executors.get(3), "grid-market-maker:s1:t16:1", "SELL", "238.5821", "242.8895", "TAKE_PROFIT", "0");
    // tick 38 (00:37, mid 240.18): the third pair; its SELL grid still runs when the data ends.
    assertGrid(executors.get(4), "grid-market-maker:s1:t38:0", "BUY", "236.5773", "240.90054", "TAKE_PROFIT", "0");
    assertEquals("grid-market-maker:s1:t38:1", executors.get(5).get("id").asText());
    assertEquals("RUNNING", executors.get(5).get("status").asText());
    assertDecimal("-0.59536776", executors.get(5).get("net_pnl_quote"));
    for (JsonNode e : executors) {
      assertEquals("grid-market-maker", e.get("controller_id").asText());
      assertEquals("binance_perpetual_paper_trade", e.get("connector_name").asText());
      assertEquals("binance_perpetual", e.get("paper_trade_of").asText());
      assertDecimal("100", e.get("config").get("total_amount_quote"));   // max_single_order_quote 100
    }
    // The two grids kept their inventory (keep_position): a SELL and a BUY of 0.104 that net flat.
    assertEquals(0, report.get("positions").get("grid-market-maker").get("total_positions").asInt());
  }

  private static void assertGrid(final JsonNode e, final String id, final String side, final String start,
      final String end, final String closeType, final String netPnl) {
    assertEquals(id, e.get("id").asText());
    assertEquals(side, e.get("side").asText());
    assertDecimal(start, e.get("config").get("start_price"));
    assertDecimal(end, e.get("config").get("end_price"));
    assertEquals(closeType, e.get("close_type").asText(), id);
    assertDecimal(netPnl, e.get("net_pnl_quote"));
  }

  @Test
  void shouldWriteTheStandardsFolderWithTheJournalOfTheReplayedSession() {
    final List<String> paths = List.copyOf(outcome.files().files().keySet());
    assertEquals(List.of("agent.md", "config.yml", "learnings.md", "trading_sessions/session_1/journal.md"),
        paths.subList(0, 4));
    assertEquals(4 + 45, paths.size(), "one snapshot per tick");
    assertEquals("trading_sessions/session_1/snapshots/snapshot_45.md", paths.get(paths.size() - 1));

    final String journal = file("trading_sessions/session_1/journal.md");
    assertTrue(journal.contains("- ticks: 45 (ok 24, blocked 21, failed 0)"), journal);
    assertTrue(journal.contains("- binance_perpetual runs on binance_perpetual_paper_trade (paper)"), journal);
    assertTrue(journal.contains("- tick#1 | 2025-12-06 00:00:00 | create_executor -- grid_executor "
        + "binance_perpetual_paper_trade SOL-USDC BUY 100 quote -> created grid-market-maker:s1:t1:0"), journal);
    assertTrue(journal.contains("- tick#18 | 2025-12-06 00:17:00 | blocked | cost=$0.0000 | actions=0 | "
        + "DRAWDOWN: max_drawdown_pct 10 exceeded"), journal);
    assertTrue(journal.contains("- tick#16 | 2025-12-06 00:15:00 | ok | cost=$0.0000 | actions=2 | mid 239.3, "
        + "spread 0.3%: ATR 0.14630257%"), journal);
    assertTrue(journal.contains("- executor=grid-market-maker:s1:t1:1 | type=grid_executor | "
        + "binance_perpetual_paper_trade SOL-USDC SELL | amount=$100.00 | created=2025-12-06 00:00:00 | "
        + "status=closed | pnl=0.13 | fees=0.02 | volume=100.30 | close_type=POSITION_HOLD"), journal);

    final String first = file("trading_sessions/session_1/snapshots/snapshot_1.md");
    assertTrue(first.contains("\"mid\": 240.04"), first);
    assertTrue(first.contains("\"venue\": \"binance_perpetual_paper_trade\""), first);
  }

  @Test
  void shouldGiveTheSameReportAndFilesEveryTime() throws IOException {
    final AgentBacktest.Outcome again = replay(standardExample());
    assertEquals(outcome.report(), again.report());
    assertEquals(outcome.files().files().keySet(), again.files().files().keySet());
    outcome.files().files().forEach((path, bytes) -> assertArrayEquals(bytes, again.files().files().get(path), path));
  }

  @Test
  void shouldWriteTheAgentsFilesBesideTheReportFromTheCommandLine(@TempDir final Path dir) throws IOException {
    final Path agentDir = dir.resolve("agents/grid-market-maker");
    standardExample().writeDirectory(agentDir);
    final Path market = Files.writeString(dir.resolve("market.csv"), resource("agent-replay/market.csv"));
    final Path connectors = Files.writeString(dir.resolve("connectors.json"), resource("agent-replay/connectors.json"));
    final Path out = Files.createDirectories(dir.resolve("out")).resolve("report.json");
    final String[] args = {"--agent", agentDir.toString(), "--market", market.toString(), "--connectors",
        connectors.toString(), "--out", out.toString()};
    assertEquals(0, BacktestMain.run(args));
    assertEquals(report, JSON.readTree(Files.readString(out)));
    final Path written = dir.resolve("out/trading_agents/grid-market-maker");
    assertEquals(file("trading_sessions/session_1/journal.md"),
        Files.readString(written.resolve("trading_sessions/session_1/journal.md")));
    assertTrue(Files.exists(written.resolve("trading_sessions/session_1/snapshots/snapshot_45.md")));

    // A second run replaces what the first wrote; the report is never written over the agent's folder.
    Files.writeString(written.resolve("trading_sessions/session_1/snapshots/snapshot_99.md"), "stale");
    assertEquals(0, BacktestMain.run(args));
    assertFalse(Files.exists(written.resolve("trading_sessions/session_1/snapshots/snapshot_99.md")));
    final String[] intoItself = {"--agent", written.toString(), "--market", market.toString(),
        "--out", dir.resolve("out/report.json").toString()};
    assertEquals(2, BacktestMain.run(intoItself));
    assertTrue(Files.exists(written.resolve("agent.md")));
  }

  @Test
  void shouldRefuseAnLlmPolicyNamingTheRulePoliciesItCanRun() throws IOException {
    final String md = resource("examples/grid-market-maker/agent.md").replace("tick_interval: 60",
        "tick_interval: 60\npolicy: llm");
    final AgentTree llm = new AgentTree("llm-agent", Map.of("agent.md", md.getBytes(StandardCharsets.UTF_8)));
    final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> replay(llm));
    assertEquals("agent.md: policy llm cannot run in a backtest: a replay runs the built-in deterministic "
        + "policies (grid_market_maker, directional, loom_executor), which decide the same way every time",
        e.getMessage());
  }
}
