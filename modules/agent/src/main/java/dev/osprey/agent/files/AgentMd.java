package dev.osprey.agent.files;

import dev.osprey.agent.AgentDefinition;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.risk.RiskLimits;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The standard's {@code agent.md}: YAML front matter (name, description, tick_interval,
 * connectors, configs, limits, policy) between {@code ---} lines, then the markdown instructions,
 * kept verbatim.
 *
 * <p>Condor's own front matter keys are accepted and ignored, so its agent folders import; any
 * other unknown key is an error, because a misspelled key that silently does nothing is how users
 * lose a limit.
 */
public final class AgentMd {
  /** The policy that asks a language model. */
  public static final String LLM_POLICY = "llm";

  /** The tick interval when {@code tick_interval} is absent. */
  public static final Duration DEFAULT_TICK_INTERVAL = Duration.ofSeconds(60);

  /** The front matter keys Osprey reads, in the order {@link #render} writes them. */
  public static final List<String> KEYS =
      List.of("name", "description", "tick_interval", "connectors", "configs", "limits", "policy");

  /** Keys Condor writes into agent.md that mean nothing to Osprey. */
  public static final Set<String> IGNORED_CONDOR_KEYS =
      Set.of("id", "agent_key", "skills", "default_config", "default_trading_context",
          "created_by", "created_at");

  private static final String TICK_INTERVAL_RULE =
      "tick_interval must be a positive whole number of seconds";
  private static final String CONNECTORS_RULE =
      "connectors must be a non-empty list of connector names";

  private AgentMd() {}

  /**
   * Reads an agent.md.
   *
   * @param slug the agent's folder name, its id
   * @param knownPolicies the built-in rule policies; without {@code policy:}, the one named like
   *     the agent ({@link #defaultPolicy}) is taken
   * @throws AgentFileException naming the line of the first problem
   */
  public static AgentDefinition parse(final String slug, final String text,
      final Set<String> knownPolicies) {
    CtaPaths.requireSlug(slug);
    final FrontMatter fm = FrontMatter.split(CtaPaths.AGENT_MD, text);
    final YamlMap y = new YamlMap(CtaPaths.AGENT_MD,
        Yaml.read(CtaPaths.AGENT_MD, fm.yaml(), fm.yamlFirstLine()), "the front matter");
    rejectUnknownKeys(y);
    final String name = y.requiredText("name");
    return new AgentDefinition(
        slug,
        name,
        y.textOrEmpty("description"),
        y.positiveWhole("tick_interval", TICK_INTERVAL_RULE)
            .map(Duration::ofSeconds)
            .orElse(DEFAULT_TICK_INTERVAL),
        y.requiredTextList("connectors", CONNECTORS_RULE),
        y.map("configs"),
        limits(y),
        policy(y, name, knownPolicies),
        fm.body());
  }

  /**
   * The agent.md of a definition: front matter in {@link #KEYS} order (description, configs and
   * limits only when set; the policy always, so the file does not depend on the reader's
   * policies), then the instructions verbatim. {@code parse(render(d))} equals {@code d}.
   */
  public static String render(final AgentDefinition d) {
    final long seconds = d.tickInterval().toSeconds();
    if (seconds <= 0 || !d.tickInterval().equals(Duration.ofSeconds(seconds))) {
      throw new IllegalArgumentException(TICK_INTERVAL_RULE + ", got " + d.tickInterval());
    }
    final Map<String, Object> fm = new LinkedHashMap<>();
    fm.put("name", d.name());
    if (d.description() != null && !d.description().isEmpty()) {
      fm.put("description", d.description());
    }
    fm.put("tick_interval", seconds);
    fm.put("connectors", d.connectors());
    if (!d.configs().isEmpty()) {
      fm.put("configs", d.configs());
    }
    final Map<String, Object> limits = d.limits().toMap();
    if (!limits.isEmpty()) {
      // 500, not 500E0: limits read back by value, so a whole decimal can be written as an integer.
      limits.replaceAll(
          (k, v) -> v instanceof BigDecimal b && b.scale() == 0 ? b.toBigInteger() : v);
      fm.put("limits", limits);
    }
    fm.put("policy", d.policy());
    return "---\n" + Yaml.write(fm) + "---\n" + d.instructions();
  }

  /**
   * The {@code ##} sections of the instructions ({@code Goal}, {@code Strategy Rules}, ...) by
   * title, in order, each without the blank lines around it; the first of two equal titles wins.
   */
  public static Map<String, String> sections(final String instructions) {
    final Map<String, String> sections = new LinkedHashMap<>();
    for (MarkdownSections.Section s : MarkdownSections.split(instructions)) {
      if (s.headingLine() > 0) {
        sections.putIfAbsent(s.title(), s.text());
      }
    }
    return sections;
  }

  /**
   * The built-in policy an agent without {@code policy:} gets: its name in lower case, accents
   * dropped, every run of other characters an underscore ({@code Grid Market Maker} to
   * {@code grid_market_maker}).
   */
  public static String defaultPolicy(final String agentName) {
    final String plain =
        Normalizer.normalize(agentName, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
  }

  private static void rejectUnknownKeys(final YamlMap y) {
    for (String key : y.values().keySet()) {
      if (!KEYS.contains(key) && !IGNORED_CONDOR_KEYS.contains(key)) {
        throw y.error("unknown key '" + key + "' (known: " + String.join(", ", KEYS) + ")", key);
      }
    }
  }

  private static RiskLimits limits(final YamlMap y) {
    try {
      return RiskLimits.fromMap(y.map("limits"));
    } catch (FieldViolation.Invalid e) {
      final String problem = e.violations().stream()
          .map(v -> "limits." + v.field() + " " + v.rule())
          .collect(Collectors.joining("; "));
      throw y.error(problem, "limits", e.violations().get(0).field());
    }
  }

  private static String policy(final YamlMap y, final String name, final Set<String> known) {
    final Set<String> choices = new TreeSet<>(known);
    choices.add(LLM_POLICY);
    final String choiceList = " (known: " + String.join(", ", choices) + ")";
    final String given = y.text("policy").orElse(null);
    if (given != null) {
      if (!choices.contains(given)) {
        throw y.error("policy '" + given + "' is not known" + choiceList, "policy");
      }
      return given;
    }
    final String byName = defaultPolicy(name);
    if (known.contains(byName)) {
      return byName;
    }
    throw y.error("policy is required: no built-in policy is named '" + byName + "'" + choiceList,
        "policy");
  }
}
