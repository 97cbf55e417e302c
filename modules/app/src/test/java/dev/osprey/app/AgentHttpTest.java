package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.osprey.testkit.ManualClock;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The standard's example agent (spec 004's agent.md, verbatim: Grid Market Maker on SOL-USDC)
 * imported and run on a node: its connectors run on their paper twins, it ticks on the clock,
 * lays its grids within its limits, holds while they run, and its files have the standard's
 * layout. Two agents on the same pair each see only their own executors.
 */
class AgentHttpTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-27T14:30:00Z");
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK,
      ConfigFactory.parseString("osprey.agents.tick-check-interval = 20ms"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VENUE = "binance_perpetual_paper_trade";

  private static String agentMd() throws Exception {
    return Files.readString(Path.of(AgentHttpTest.class.getResource("/standard-examples/agent.md").toURI()));
  }

  private static JsonNode importAgent(final String id) throws Exception {
    final HttpResponse<String> r = node.send("POST", "/agents",
        JSON.writeValueAsString(Map.of("id", id, "agent_md", agentMd())));
    assertEquals(201, r.statusCode(), r.body());
    return HttpNode.json(r);
  }

  private static JsonNode agent(final String id) throws Exception {
    return HttpNode.json(node.send("GET", "/agents/" + id, null));
  }

  private static JsonNode awaitTicks(final String id, final int ticks) {
    return node.await(() -> {
      try {
        final JsonNode a = agent(id);
        assertEquals(ticks, a.at("/session/ticks").asInt(), () -> "ticks of " + id + ": " + a);
        return a;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  private static String file(final String id, final String path) throws Exception {
    final HttpResponse<String> r = node.send("GET",
        "/agents/" + id + "/files/" + URLEncoder.encode(path, StandardCharsets.UTF_8), null);
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  @Test
  void shouldRunTheStandardsExampleAgentWithinItsLimits() throws Exception {
    node.quote(VENUE, "SOL-USDC", "149.95", "150.05");
    final JsonNode created = importAgent("grid-market-maker");
    assertEquals("Grid Market Maker", created.get("name").asText());
    assertEquals("grid_market_maker", created.get("policy").asText());
    assertEquals(60, created.get("tick_interval").asInt());
    assertTrue(created.get("notes").toString().contains("binance_perpetual runs on " + VENUE), created::toString);
    // The limits of agent.md are the controller's limits, set by the user's import.
    final JsonNode limits = HttpNode.json(node.send("GET", "/controllers/grid-market-maker/limits", null));
    assertDecimal("500", limits.get("max_position_size_quote"));
    assertDecimal("100", limits.get("max_single_order_quote"));
    assertEquals(10, limits.get("max_open_executors").asInt());

    final HttpResponse<String> started = node.send("POST", "/agents/grid-market-maker/sessions/start", "");
    assertEquals(200, started.statusCode(), started.body());
    assertEquals(1, HttpNode.json(started).at("/session/number").asInt());

    // Tick 1 at once: mid 150, spread 0.3 % x 5 levels, 100 quote per grid (max_single_order_quote);
    // each range reaches one spread past the mid.
    awaitTicks("grid-market-maker", 1);
    final JsonNode buy = HttpNode.json(node.send("GET", "/executors/grid-market-maker:s1:t1:0", null));
    assertEquals("grid-market-maker", buy.get("controller_id").asText());
    assertEquals("BUY", buy.at("/config/side").asText());
    assertEquals(VENUE, buy.at("/config/connector_name").asText());
    assertDecimal("147.75", buy.at("/config/start_price"));
    assertDecimal("150.45", buy.at("/config/end_price"));
    assertDecimal("147.30675", buy.at("/config/limit_price"));
    assertDecimal("100", buy.at("/config/total_amount_quote"));
    final JsonNode sell = HttpNode.json(node.send("GET", "/executors/grid-market-maker:s1:t1:1", null));
    assertEquals("SELL", sell.at("/config/side").asText());
    assertDecimal("149.55", sell.at("/config/start_price"));
    assertDecimal("152.25", sell.at("/config/end_price"));
    assertDecimal("152.70675", sell.at("/config/limit_price"));

    // Tick 2, a tick interval later: the grids run, the agent holds.
    CLOCK.advance(Duration.ofSeconds(60));
    final JsonNode after = awaitTicks("grid-market-maker", 2);
    assertEquals(List.of("grid-market-maker:s1:t1:0", "grid-market-maker:s1:t1:1"),
        ids(after.at("/session/executors")));

    final String journal = file("grid-market-maker", "trading_sessions/session_1/journal.md");
    for (String section : List.of("## Summary", "## Decisions", "## Ticks", "## Executors")) {
      assertTrue(journal.contains(section), () -> section + " missing from\n" + journal);
    }
    assertTrue(journal.contains("tick#1 | 2026-03-27 14:30:00"), journal);
    assertTrue(journal.contains("tick#2 | 2026-03-27 14:31:00"), journal);
    assertTrue(journal.contains("holding: 2 grid(s) running on SOL-USDC"), journal);
    assertTrue(journal.contains("executor=grid-market-maker:s1:t1:0 | type=grid_executor"), journal);

    final List<String> exported = zipEntries("grid-market-maker");
    for (String path : List.of("agent.md", "config.yml", "learnings.md", "trading_sessions/session_1/journal.md",
        "trading_sessions/session_1/snapshots/snapshot_1.md", "trading_sessions/session_1/snapshots/snapshot_2.md")) {
      assertTrue(exported.contains("trading_agents/grid-market-maker/" + path), () -> path + " not in " + exported);
    }

    // Paused, it does not tick; resumed, it ticks at once.
    assertEquals(200, node.send("POST", "/agents/grid-market-maker/sessions/pause", "").statusCode());
    CLOCK.advance(Duration.ofSeconds(120));
    assertEquals(200, node.send("POST", "/agents/grid-market-maker/sessions/resume", "").statusCode());
    awaitTicks("grid-market-maker", 3);
  }

  @Test
  void shouldKeepTwoAgentsOnTheSamePairApart() throws Exception {
    node.quote(VENUE, "SOL-USDC", "149.95", "150.05");
    importAgent("mm-a");
    importAgent("mm-b");
    assertEquals(200, node.send("POST", "/agents/mm-a/sessions/start", "").statusCode());
    awaitTicks("mm-a", 1);
    // mm-b sees none of mm-a's running grids: it lays its own instead of holding.
    assertEquals(200, node.send("POST", "/agents/mm-b/sessions/start", "").statusCode());
    awaitTicks("mm-b", 1);
    assertEquals(List.of("mm-b:s1:t1:0", "mm-b:s1:t1:1"), ids(agent("mm-b").at("/session/executors")));
    final JsonNode positions = HttpNode.json(node.send("GET", "/executors/positions/summary?controller_id=mm-b", null));
    assertEquals(0, positions.get("positions").size(), positions::toString);
  }

  @Test
  void shouldRefuseAMalformedAgentMdNamingFileAndLine() throws Exception {
    final HttpResponse<String> r = node.send("POST", "/agents", JSON.writeValueAsString(Map.of(
        "id", "broken", "agent_md", "---\nname: Broken\ntick_interval: soon\nconnectors: [paper]\n---\nbody\n")));
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("agent.md"), r.body());
    assertTrue(r.body().contains("tick_interval"), r.body());
    assertEquals(404, node.send("GET", "/agents/broken", null).statusCode());
  }

  @Test
  void shouldImportAndExportAnAgentFolderFromTheCommandLine(@org.junit.jupiter.api.io.TempDir final Path tmp)
      throws Exception {
    final Path folder = Files.createDirectories(tmp.resolve("trading_agents").resolve("cli-agent"));
    Files.writeString(folder.resolve("agent.md"), agentMd());
    Files.writeString(folder.resolve("config.yml"), "trading_pair: SOL-USDC\ngrid_levels: 3\nspread_percentage: 0.5\n");
    Files.writeString(folder.resolve("learnings.md"), "# Learnings\n\n## Active Insights\n"
        + "- [2026-03-27 14:30] Wider spreads (0.5% vs 0.3%) reduced adverse selection during Asian session volatility\n"
        + "- [2026-03-26 09:15] Grid rebalancing at 5% threshold outperforms 10% threshold for SOL-USDC\n");
    final Map<String, String> env = Map.of("OSPREY_URL", node.baseUri(),
        "OSPREY_USER", "test-admin", "OSPREY_PASSWORD", "test-admin-password");
    final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    final java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    assertEquals(0, AgentCli.run(new String[] {"import", folder.toString()}, env,
        new java.io.PrintStream(out), new java.io.PrintStream(err)), err::toString);
    final JsonNode imported = agent("cli-agent");
    assertEquals(3, imported.at("/configs/grid_levels").asInt(), "config.yml overrides agent.md's configs");
    assertDecimal("0.5", imported.at("/configs/spread_percentage"));
    assertEquals(2, imported.get("learnings").size(), imported::toString);
    assertEquals("Wider spreads (0.5% vs 0.3%) reduced adverse selection during Asian session volatility",
        imported.at("/learnings/0/text").asText(), "newest first");

    final Path back = tmp.resolve("back").resolve("cli-agent");
    assertEquals(0, AgentCli.run(new String[] {"export", "cli-agent", back.toString()}, env,
        new java.io.PrintStream(out), new java.io.PrintStream(err)), err::toString);
    assertTrue(Files.readString(back.resolve("agent.md")).contains("Grid Market Maker"));
    assertTrue(Files.readString(back.resolve("config.yml")).contains("grid_levels: 3"));
    assertTrue(Files.readString(back.resolve("learnings.md"))
        .contains("- [2026-03-26 09:15] Grid rebalancing at 5% threshold outperforms 10% threshold for SOL-USDC"));
    // The exported folder imports again as the same agent.
    assertEquals(0, AgentCli.run(new String[] {"import", back.toString()}, env,
        new java.io.PrintStream(out), new java.io.PrintStream(err)), err::toString);
    assertEquals(2, AgentCli.run(new String[] {"import"}, env,
        new java.io.PrintStream(out), new java.io.PrintStream(err)));
  }

  private static List<String> ids(final JsonNode array) {
    final List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> zipEntries(final String id) throws Exception {
    final HttpResponse<byte[]> r = node.sendBytes("GET", "/agents/" + id + "/export");
    assertEquals(200, r.statusCode());
    final List<String> out = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        out.add(e.getName());
      }
    }
    return out;
  }
}
