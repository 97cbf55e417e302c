package dev.osprey.llm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tools the model may call: the agent's executor tools, mirrored. The four read tools answer
 * from the tick's observation (no IO); the acting ones go to {@link
 * dev.osprey.agent.policy.AgentTools}, whose refusals come back as results.
 */
public final class ToolCatalog {
  public static final String GET_MARKETS = "get_markets";
  public static final String GET_CANDLES = "get_candles";
  public static final String LIST_EXECUTORS = "list_executors";
  public static final String GET_POSITIONS = "get_positions";
  public static final String GET_RISK_STATE = "get_risk_state";
  public static final String CREATE_EXECUTOR = "create_executor";
  public static final String STOP_EXECUTOR = "stop_executor";
  public static final String SUGGEST_CONFIG = "suggest_config";
  public static final String ADD_LEARNING = "add_learning";
  public static final String RETIRE_LEARNING = "retire_learning";
  public static final String RUN_ROUTINE = "run_routine";

  /** Every tool, reads first. */
  public static final List<ToolSpec> ALL = List.of(
      read(GET_MARKETS,
          "The markets you observe: quotes (bid, ask, mid) and recent one-minute candles.",
          object(ordered(), List.of())),
      read(GET_CANDLES,
          "The latest one-minute candles (mid prices, oldest first) of one observed market.",
          object(ordered(
              "connector", string("the connector, as in get_markets"),
              "trading_pair", string("the trading pair, e.g. SOL-USDT"),
              "limit", integer("how many of the latest candles; all observed when absent", 1)),
              List.of("connector", "trading_pair"))),
      read(LIST_EXECUTORS,
          "Your executors (open and terminated) with status, amounts and P&L in quote.",
          object(ordered(), List.of())),
      read(GET_POSITIONS, "Positions you hold (kept by executors stopped with keep_position).",
          object(ordered(), List.of())),
      read(GET_RISK_STATE, "Your risk state: the user's limits and how much of them you use.",
          object(ordered(), List.of())),
      acting(CREATE_EXECUTOR, "Creates an executor. Checked against the user's limits first; a"
              + " refusal comes back as a result with ok=false and its reason code.",
          object(ordered("executor_config", freeObject("the executor's config as the API takes it:"
              + " type (e.g. position_executor, grid_executor, order_executor, dca_executor),"
              + " connector_name, trading_pair, side, amounts and the type's own fields")),
              List.of("executor_config"))),
      acting(STOP_EXECUTOR, "Stops one of your executors.",
          object(ordered(
              "executor_id", string("the executor's id, as list_executors gives it"),
              "keep_position", bool("true to keep what it holds as a position, false to close it")),
              List.of("executor_id", "keep_position"))),
      acting(SUGGEST_CONFIG, "Suggests a new value for one of the agent's configs. It applies only"
              + " after the user approves it, from a later tick. Limits cannot be suggested.",
          object(ordered(
              "key", string("the config's key"),
              "value", any("the new value, of the config's type"),
              "reason", string("why, in one or two sentences")),
              List.of("key", "value", "reason"))),
      acting(ADD_LEARNING, "Adds an insight to learnings.md, kept across sessions (20 at most; the"
              + " oldest retires).",
          object(ordered("text", string("the insight, one sentence")), List.of("text"))),
      acting(RETIRE_LEARNING, "Retires an active insight that no longer holds.",
          object(ordered("text", string("the insight's text, as listed in the learnings")),
              List.of("text"))),
      acting(RUN_ROUTINE, "Runs a named routine (indicators, webhooks, alerts) with its arguments.",
          object(ordered(
              "name", string("the routine's name"),
              "args", freeObject("the routine's arguments")),
              List.of("name"))));

  private ToolCatalog() {}

  public static Optional<ToolSpec> find(final String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The tools' names, for messages. */
  public static List<String> names() {
    return ALL.stream().map(ToolSpec::name).toList();
  }

  private static ToolSpec read(
      final String name, final String description, final Map<String, Object> params) {
    return new ToolSpec(name, description, params, false);
  }

  private static ToolSpec acting(
      final String name, final String description, final Map<String, Object> params) {
    return new ToolSpec(name, description, params, true);
  }

  private static Map<String, Object> object(
      final Map<String, Object> properties, final List<String> required) {
    return ordered("type", "object", "properties", properties, "required", required,
        "additionalProperties", false);
  }

  /**
   * A map in the order given (key, value, key, value, …): the schemas are sent in the same bytes
   * every time, which keeps the endpoint's prompt cache warm, and models read properties in order.
   */
  private static Map<String, Object> ordered(final Object... keysAndValues) {
    final Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, Object> string(final String description) {
    return ordered("type", "string", "description", description);
  }

  private static Map<String, Object> integer(final String description, final int minimum) {
    return ordered("type", "integer", "description", description, "minimum", minimum);
  }

  private static Map<String, Object> bool(final String description) {
    return ordered("type", "boolean", "description", description);
  }

  private static Map<String, Object> freeObject(final String description) {
    return ordered("type", "object", "description", description);
  }

  /** No {@code type}: a config's value may be a number, text, a boolean or a list. */
  private static Map<String, Object> any(final String description) {
    return ordered("description", description);
  }
}
