package dev.osprey.agent.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.osprey.agent.AgentDefinition;
import dev.osprey.domain.risk.RiskLimits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Loom executor agent's configuration: the {@code [agents.executor-agent]} table of {@code
 * loom.toml} (spec 003), parsed with Jackson's TOML reader. Defaults are the spec's safe ones:
 * trading disabled, 0.001 to 0.01 BTC, topic {@code plan.ready}.
 *
 * @param topics the topics plans arrive on
 * @param enableTrading the safety switch: without it plans are only logged (SIMULATED)
 * @param minOrderSize the order size at confidence 0.5, in base currency
 * @param maxOrderSize the order size at confidence 1, in base currency
 */
public record LoomToml(List<String> topics, boolean enableTrading, BigDecimal minOrderSize, BigDecimal maxOrderSize) {
  public static final String FILE = "loom.toml";
  /** The policy of a Loom executor agent. */
  public static final String POLICY = "loom_executor";
  /** Its heartbeat: plans start ticks at once; between them it ticks this often to say it waits. */
  static final Duration HEARTBEAT = Duration.ofHours(1);
  public static final String TABLE = "executor-agent";
  private static final Set<String> KEYS = Set.of("topics", "enable_trading", "min_order_size", "max_order_size");
  private static final TomlMapper TOML = TomlMapper.builder()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  public LoomToml {
    topics = List.copyOf(topics);
  }

  /** @throws AgentFileException naming loom.toml, the line where known, and the problem */
  public static LoomToml parse(final String text) {
    final JsonNode root;
    try {
      root = TOML.readTree(text);
    } catch (JsonProcessingException e) {
      final JsonLocation at = e.getLocation();
      throw new AgentFileException(FILE, at == null ? 0 : Math.max(0, at.getLineNr()), e.getOriginalMessage());
    }
    final JsonNode table = root.path("agents").path(TABLE);
    if (!table.isObject()) {
      throw new AgentFileException(FILE, 0, "has no [agents." + TABLE + "] table");
    }
    for (String key : iterable(table.fieldNames())) {
      if (!KEYS.contains(key)) {
        throw new AgentFileException(FILE, 0, "[agents." + TABLE + "] " + key + ": unknown key (known: "
            + String.join(", ", KEYS.stream().sorted().toList()) + ")");
      }
    }
    final List<String> topics = new ArrayList<>();
    final JsonNode t = table.get("topics");
    if (t == null) {
      topics.add("plan.ready");
    } else if (!t.isArray() || t.isEmpty()) {
      throw problem("topics", "must be a non-empty array of topic names");
    } else {
      t.forEach(n -> {
        if (!n.isTextual() || n.asText().isBlank()) {
          throw problem("topics", "must be a non-empty array of topic names");
        }
        topics.add(n.asText());
      });
    }
    final JsonNode enable = table.get("enable_trading");
    if (enable != null && !enable.isBoolean()) {
      throw problem("enable_trading", "must be true or false");
    }
    final BigDecimal min = size(table, "min_order_size", new BigDecimal("0.001"));
    final BigDecimal max = size(table, "max_order_size", new BigDecimal("0.01"));
    if (max.compareTo(min) < 0) {
      throw problem("max_order_size", "must not be below min_order_size " + min.toPlainString());
    }
    return new LoomToml(topics, enable != null && enable.asBoolean(), min, max);
  }

  /**
   * The Loom executor agent this configures, named {@code slug}: on {@code okx} (its paper twin
   * while the node has no OKX credentials), trading {@code {symbol}-USDT}, with no limits of its
   * own until the user sets them ({@code PUT /controllers/{slug}/limits}).
   */
  public AgentDefinition definition(final String slug) {
    final Map<String, Object> configs = new LinkedHashMap<>();
    configs.put("topics", topics);
    configs.put("enable_trading", enableTrading);
    configs.put("min_order_size", minOrderSize);
    configs.put("max_order_size", maxOrderSize);
    configs.put("quote", "USDT");
    return new AgentDefinition(slug, "Loom executor agent", "Executes Loom trading plans (spec 003)", HEARTBEAT,
        List.of("okx"), configs, RiskLimits.NONE, POLICY,
        "## Goal\nExecute the trading plans the Loom planner publishes on " + String.join(", ", topics)
            + ", sized by confidence, and publish each result on execution.{symbol}.\n");
  }

  private static BigDecimal size(final JsonNode table, final String key, final BigDecimal fallback) {
    final JsonNode n = table.get(key);
    if (n == null) {
      return fallback;
    }
    if (!n.isNumber() || n.decimalValue().signum() <= 0) {
      throw problem(key, "must be a positive number (base currency)");
    }
    return n.decimalValue();
  }

  private static AgentFileException problem(final String key, final String rule) {
    return new AgentFileException(FILE, 0, "[agents." + TABLE + "] " + key + ": " + rule);
  }

  private static <T> Iterable<T> iterable(final java.util.Iterator<T> it) {
    return () -> it;
  }
}
