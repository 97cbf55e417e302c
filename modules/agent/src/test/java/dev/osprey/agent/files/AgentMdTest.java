package dev.osprey.agent.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.osprey.agent.AgentDefinition;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.risk.RiskLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentMdTest {
  private static final Set<String> POLICIES = Set.of("grid_market_maker", "dca_buyer");

  private static AgentDefinition parse(final String text) {
    return AgentMd.parse("my-agent", text, POLICIES);
  }

  private static void assertProblem(final String expectedMessage, final String text) {
    final AgentFileException e = assertThrows(AgentFileException.class, () -> parse(text));
    assertEquals(expectedMessage, e.getMessage());
  }

  @Test
  void shouldReadTheStandardsExampleExactly() {
    final AgentDefinition d =
        AgentMd.parse("grid-market-maker", StandardExamples.agentMd(), POLICIES);

    final Map<String, Object> configs = new LinkedHashMap<>();
    configs.put("trading_pair", "SOL-USDC");
    configs.put("grid_levels", 5L);
    configs.put("spread_percentage", new BigDecimal("0.3"));
    final RiskLimits limits = new RiskLimits(
        Optional.of(QuoteAmount.of("500")), Optional.of(QuoteAmount.of("100")),
        Optional.of(QuoteAmount.of("50")), Optional.of(10), Optional.of(new BigDecimal("10")),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    final String instructions = """

        ## Goal
        Provide liquidity around the mid-price while managing inventory risk.

        ## Strategy Rules
        1. Maintain symmetric grid unless inventory exceeds threshold
        2. Widen spreads during high volatility (ATR > 2%)
        3. Pause trading if funding rate exceeds 0.1% against position
        """;
    assertEquals(new AgentDefinition("grid-market-maker", "Grid Market Maker", "",
        Duration.ofSeconds(60), List.of("binance_perpetual", "jupiter"), configs, limits,
        "grid_market_maker", instructions), d);
  }

  @Test
  void shouldFindTheGoalAndRulesSectionsOfTheInstructions() {
    final AgentDefinition d = parse(StandardExamples.agentMd());

    assertEquals(Map.of(
        "Goal", "Provide liquidity around the mid-price while managing inventory risk.",
        "Strategy Rules", """
            1. Maintain symmetric grid unless inventory exceeds threshold
            2. Widen spreads during high volatility (ATR > 2%)
            3. Pause trading if funding rate exceeds 0.1% against position"""),
        AgentMd.sections(d.instructions()));
    assertEquals(List.of("Goal", "Strategy Rules"),
        List.copyOf(AgentMd.sections(d.instructions()).keySet()));
  }

  @Test
  void shouldNotStartASectionAtAHeadingInsideACodeBlock() {
    final String body = "## Goal\nBe calm.\n```\n## Not a heading\n```\n## Rules\n1. one\n";

    assertEquals(List.of("Goal", "Rules"), List.copyOf(AgentMd.sections(body).keySet()));
    assertEquals("Be calm.\n```\n## Not a heading\n```", AgentMd.sections(body).get("Goal"));
  }

  @Test
  void shouldRenderTheFrontMatterInKeyOrderAndTheBodyVerbatim() {
    final AgentDefinition d =
        AgentMd.parse("grid-market-maker", StandardExamples.agentMd(), POLICIES);

    assertEquals("""
        ---
        name: "Grid Market Maker"
        tick_interval: 60
        connectors:
          - "binance_perpetual"
          - "jupiter"
        configs:
          trading_pair: "SOL-USDC"
          grid_levels: 5
          spread_percentage: 0.3
        limits:
          max_position_size_quote: 500
          max_single_order_quote: 100
          max_daily_loss_quote: 50
          max_open_executors: 10
          max_drawdown_pct: 10
        policy: "grid_market_maker"
        ---
        """ + d.instructions(), AgentMd.render(d));
  }

  @Test
  void shouldReadBackWhatItRendersWithEveryKindOfValue() {
    final Map<String, Object> configs = new LinkedHashMap<>();
    configs.put("trading_pair", "SOL-USDC");
    configs.put("looks_like_a_number", "1e3");
    configs.put("looks_like_a_bool", "yes");
    configs.put("exponent", new BigDecimal("1E+3"));
    configs.put("whole_decimal", new BigDecimal("7"));
    configs.put("small", new BigDecimal("0.0000001"));
    configs.put("scaled", new BigDecimal("0.30"));
    configs.put("count", 3L);
    configs.put("on", Boolean.TRUE);
    configs.put("levels", List.of(1L, new BigDecimal("2.5"), "x"));
    configs.put("nested", Map.of("a", "multi\nline", "b", List.of()));
    final AgentDefinition d = new AgentDefinition("a.b:c", "Scalper #1", "fast: but careful",
        Duration.ofSeconds(15), List.of("okx"), configs,
        RiskLimits.fromMap(Map.of("max_drawdown_pct", new BigDecimal("2.50"),
            "max_cost_per_day_usd", new BigDecimal("1E+1"), "cooldown_after_loss_sec", 300L)),
        "llm", "no sections, no leading newline");

    assertEquals(d, AgentMd.parse("a.b:c", AgentMd.render(d), Set.of()));
  }

  @Test
  void shouldTakeTheRulePolicyNamedLikeTheAgent() {
    final String text = "---\nname: DCA  Buyer!\nconnectors: [paper]\n---\n";

    assertEquals("dca_buyer", parse(text).policy());
    assertEquals("grid_market_maker", AgentMd.defaultPolicy("Grid Market Maker"));
    assertEquals("cafe_grid", AgentMd.defaultPolicy(" Café-Grid "));
  }

  @Test
  void shouldTakeAnExplicitPolicyAndTheDefaults() {
    final AgentDefinition d = parse("---\nname: Mine\nconnectors: [paper]\npolicy: llm\n---\n");

    assertEquals("llm", d.policy());
    assertEquals(Duration.ofSeconds(60), d.tickInterval());
    assertEquals(Map.of(), d.configs());
    assertEquals(RiskLimits.NONE, d.limits());
    assertEquals("", d.description());
    assertEquals("", d.instructions());
  }

  @Test
  void shouldShipTheStandardsExampleAsItIs() {
    final String shipped = StandardExamples.resource("/examples/grid-market-maker/agent.md");

    assertEquals(StandardExamples.agentMd(), shipped);
    assertEquals("Grid Market Maker",
        AgentMd.parse("grid-market-maker", shipped, POLICIES).name());
  }

  @Test
  void shouldReadAnEmptyDescriptionAsNone() {
    assertEquals("", parse("---\nname: X\ndescription: ''\nconnectors: [paper]\npolicy: llm\n---\n")
        .description());
    assertProblem("agent.md:3: description must be text",
        "---\nname: X\ndescription: [a]\nconnectors: [paper]\npolicy: llm\n---\n");
  }

  @Test
  void shouldIgnoreCondorsOwnKeys() {
    final String text = """
        ---
        id: 3f2a
        name: Grid Market Maker
        description: grid
        agent_key: grid
        skills: [executors]
        default_config: {a: 1}
        default_trading_context: ctx
        created_by: me
        created_at: 2026-03-27T14:30:00
        connectors: [paper]
        ---
        """;

    assertEquals("grid", parse(text).description());
  }

  @Test
  void shouldAcceptCrLfLineBreaksAndAByteOrderMark() {
    final String text = "\uFEFF---\r\nname: X\r\nconnectors: [paper]\r\npolicy: llm\r\n---\r\n"
        + "\r\n## Goal\r\n";

    assertEquals("\r\n## Goal\r\n", parse(text).instructions());
  }

  @Test
  void shouldNameTheLineOfAWrongTickInterval() {
    assertProblem("agent.md:3: tick_interval must be a positive whole number of seconds",
        "---\nname: X\ntick_interval: \"abc\"\nconnectors: [paper]\n---\n");
    assertProblem("agent.md:3: tick_interval must be a positive whole number of seconds",
        "---\nname: X\ntick_interval: 0\nconnectors: [paper]\n---\n");
    assertProblem("agent.md:3: tick_interval must be a positive whole number of seconds",
        "---\nname: X\ntick_interval: 1.5\nconnectors: [paper]\n---\n");
  }

  @Test
  void shouldRefuseAFileWithoutFrontMatter() {
    assertProblem("agent.md:1: missing YAML front matter: the file must start with a line '---'",
        "# Grid\nname: X\n");
    assertProblem("agent.md:1: the front matter opened here is not closed by a line '---'",
        "---\nname: X\n");
  }

  @Test
  void shouldNameTheLineOfAYamlSyntaxError() {
    assertProblem("agent.md:3: invalid YAML: while scanning a simple key: "
            + "could not find expected ':'",
        "---\nname: X\ntick_interval 60\nconnectors: [paper]\n---\n");
    assertProblem("agent.md:5: invalid YAML: while parsing a block mapping: "
            + "expected <block end>, but found '<block sequence start>'",
        "---\nname: X\nconnectors:\n  - a\n - b\n---\n");
    assertProblem("agent.md:3: invalid YAML: while parsing a flow node: "
            + "expected the node content, but found '<stream end>'",
        "---\nname: X\nconnectors: [a,\n---\n");
    assertProblem("agent.md:3: invalid YAML: Duplicate field 'name'",
        "---\nname: X\nname: Y\n---\n");
  }

  @Test
  void shouldRefuseAnUnknownKey() {
    assertProblem("agent.md:3: unknown key 'tick_intervall' (known: name, description, "
            + "tick_interval, connectors, configs, limits, policy)",
        "---\nname: X\ntick_intervall: 60\nconnectors: [paper]\n---\n");
  }

  @Test
  void shouldNameTheLineOfAnUnknownOrWrongLimit() {
    assertProblem("agent.md:6: limits.max_leverage is not a known risk limit (known: "
            + String.join(", ", RiskLimits.KEYS) + ")",
        "---\nname: X\nconnectors: [paper]\nlimits:\n  max_open_executors: 3\n"
            + "  max_leverage: 5\n---\n");
    assertProblem("agent.md:5: limits.max_open_executors must be a number, got 'many'",
        "---\nname: X\nconnectors: [paper]\nlimits:\n  max_open_executors: many\n---\n");
  }

  @Test
  void shouldRequireANameConnectorsAndAKnownPolicy() {
    assertProblem("agent.md:1: name is required", "---\nconnectors: [paper]\n---\n");
    assertProblem("agent.md:1: connectors must be a non-empty list of connector names",
        "---\nname: X\n---\n");
    assertProblem("agent.md:3: connectors must be a non-empty list of connector names",
        "---\nname: X\nconnectors: []\n---\n");
    assertProblem("agent.md:5: connectors must be a non-empty list of connector names",
        "---\nname: X\nconnectors:\n  - paper\n  - 7\n---\n");
    assertProblem("agent.md:1: policy is required: no built-in policy is named 'my_bot' "
            + "(known: dca_buyer, grid_market_maker, llm)",
        "---\nname: My Bot\nconnectors: [paper]\n---\n");
    assertProblem("agent.md:4: policy 'gird' is not known "
            + "(known: dca_buyer, grid_market_maker, llm)",
        "---\nname: X\nconnectors: [paper]\npolicy: gird\n---\n");
  }

  @Test
  void shouldRefuseFrontMatterThatIsNotAMapAndConfigsThatAreNotAMap() {
    assertProblem("agent.md:2: the front matter must be a YAML map of names to values",
        "---\n- name\n---\n");
    assertProblem("agent.md:4: configs must be a map of names to values",
        "---\nname: X\nconnectors: [paper]\nconfigs: [1, 2]\n---\n");
  }

  @Test
  void shouldRefuseASlugThatIsNotAnAgentId() {
    final AgentFileException e = assertThrows(AgentFileException.class,
        () -> AgentMd.parse("../etc", StandardExamples.agentMd(), POLICIES));

    assertEquals("agent.md", e.file());
    assertEquals(0, e.line());
  }
}
