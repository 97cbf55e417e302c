package dev.osprey.llm;

import static dev.osprey.llm.ToolCatalog.ADD_LEARNING;
import static dev.osprey.llm.ToolCatalog.CREATE_EXECUTOR;
import static dev.osprey.llm.ToolCatalog.GET_CANDLES;
import static dev.osprey.llm.ToolCatalog.GET_MARKETS;
import static dev.osprey.llm.ToolCatalog.GET_POSITIONS;
import static dev.osprey.llm.ToolCatalog.GET_RISK_STATE;
import static dev.osprey.llm.ToolCatalog.LIST_EXECUTORS;
import static dev.osprey.llm.ToolCatalog.RETIRE_LEARNING;
import static dev.osprey.llm.ToolCatalog.RUN_ROUTINE;
import static dev.osprey.llm.ToolCatalog.STOP_EXECUTOR;
import static dev.osprey.llm.ToolCatalog.SUGGEST_CONFIG;

import dev.osprey.agent.policy.AgentTools;
import dev.osprey.agent.policy.Observation;
import dev.osprey.agent.policy.ToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Carries out the model's tool calls of one tick: reads from the tick's observation, actions
 * through the agent's tools. A call that cannot be carried out as written answers {@code
 * INVALID_TOOL_CALL}; a refusal of the agent's tools is passed on as it is. Counts the acting calls
 * that reached the agent's tools, refused or not.
 *
 * <p>An exception from the agent's tools is not turned into a result: refusals are results by
 * contract, so an exception means the action's outcome is unknown, and the tick fails with it.
 */
final class ToolCallRunner {
  private final Observation observation;
  private final Map<String, Object> observed;
  private final AgentTools tools;
  private int actions;

  ToolCallRunner(final Observation observation, final AgentTools tools) {
    this.observation = observation;
    this.observed = observation.toMap();
    this.tools = tools;
  }

  /** How many acting calls were made so far. */
  int actions() {
    return actions;
  }

  CompletionStage<ToolResult> run(final ToolCall call) {
    final ToolSpec spec = ToolCatalog.find(call.name()).orElse(null);
    if (spec == null) {
      return done(ToolResult.refused(InvalidToolCall.CODE, "there is no tool '" + call.name()
          + "' (tools: " + String.join(", ", ToolCatalog.names()) + ")"));
    }
    final ToolArguments args;
    try {
      args = ToolArguments.parse(spec, call.argumentsJson());
    } catch (InvalidToolCall e) {
      return done(e.toResult());
    }
    if (spec.acting()) {
      actions++;
      return act(spec.name(), args);
    }
    return done(read(spec.name(), args));
  }

  private CompletionStage<ToolResult> act(final String tool, final ToolArguments args) {
    return switch (tool) {
      case CREATE_EXECUTOR -> tools.createExecutor(args.object("executor_config"));
      case STOP_EXECUTOR ->
          tools.stopExecutor(args.text("executor_id"), args.flag("keep_position"));
      case SUGGEST_CONFIG ->
          tools.suggestConfig(args.text("key"), args.value("value"), args.text("reason"));
      case ADD_LEARNING -> tools.addLearning(args.text("text"));
      case RETIRE_LEARNING -> tools.retireLearning(args.text("text"));
      case RUN_ROUTINE -> tools.runRoutine(args.text("name"), args.object("args"));
      default -> throw new IllegalStateException("no action for tool " + tool);
    };
  }

  private ToolResult read(final String tool, final ToolArguments args) {
    return switch (tool) {
      case GET_MARKETS -> listed("markets");
      case LIST_EXECUTORS -> listed("executors");
      case GET_POSITIONS -> listed("positions");
      case GET_RISK_STATE ->
          ToolResult.ok("risk state at " + observation.at(), observation.risk().toMap());
      case GET_CANDLES -> candles(args.text("connector"), args.text("trading_pair"),
          args.integer("limit").orElse(Integer.MAX_VALUE));
      default -> throw new IllegalStateException("no read for tool " + tool);
    };
  }

  /** One list of the observation, under its own key. */
  private ToolResult listed(final String section) {
    final List<?> items = (List<?>) observed.get(section);
    return ToolResult.ok(
        items.size() + " " + section + " at " + observation.at(), Map.of(section, items));
  }

  private ToolResult candles(final String connector, final String pair, final int limit) {
    for (Object item : (List<?>) observed.get("markets")) {
      final Map<?, ?> market = (Map<?, ?>) item;
      if (connector.equals(market.get("connector")) && pair.equals(market.get("trading_pair"))) {
        final List<?> all = (List<?>) market.get("candles_1m");
        final List<?> latest = all.subList(Math.max(0, all.size() - limit), all.size());
        final Map<String, Object> data = new LinkedHashMap<>();
        data.put("connector", connector);
        data.put("trading_pair", pair);
        data.put("candles_1m", latest);
        return ToolResult.ok(latest.size() + " one-minute candles, oldest first", data);
      }
    }
    return ToolResult.refused("NOT_FOUND",
        connector + " " + pair + " is not among the observed markets (see get_markets)");
  }

  private static CompletionStage<ToolResult> done(final ToolResult result) {
    return CompletableFuture.completedFuture(result);
  }
}
