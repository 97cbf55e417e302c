package dev.osprey.api.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.api.controllers.RiskJson;
import dev.osprey.api.positions.PositionJson;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.engine.gateway.ControllerGateway;
import dev.osprey.engine.gateway.ExecutorGateway;
import dev.osprey.engine.gateway.ExecutorSearch;
import dev.osprey.json.ExecutorJson;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The executor tools of the MCP server, on the same gateways as {@code /executors} and {@code
 * /controllers}: create, stop, get and search executors, a controller's positions and risk state.
 * Every tool acts only for the controllers the caller may act for.
 */
public final class ExecutorTools {
  private final Tools tools;
  private final ExecutorGateway executors;
  private final ControllerGateway controllers;
  private final PositionJson positions;
  private final Clock clock;
  private final Function<JsonNode, ExecutorConfig> createRequests;

  /**
   * @param createRequests reads a {@code POST /executors} body into the config to run, as the route
   *     does (ids, fees, paper twins)
   */
  public ExecutorTools(final ObjectMapper mapper, final Duration timeout, final ExecutorGateway executors,
      final ControllerGateway controllers, final PositionJson positions, final Clock clock,
      final Function<JsonNode, ExecutorConfig> createRequests) {
    this.tools = new Tools(mapper, timeout);
    this.executors = executors;
    this.controllers = controllers;
    this.positions = positions;
    this.clock = clock;
    this.createRequests = createRequests;
  }

  public List<SyncToolSpecification> specifications() {
    return List.of(
        tools.tool("create_executor", "Create an executor for a controller (the body of POST /executors: "
            + "controller_id, executor_config); the risk supervisor may refuse it with a reason code",
            Tools.schema(Map.of("controller_id", Tools.STRING, "executor_config", Map.of("type", "object")),
                "executor_config"), this::create),
        tools.tool("stop_executor", "Stop an executor; keep_position keeps its filled position held",
            Tools.schema(Map.of("executor_id", Tools.STRING, "keep_position", Map.of("type", "boolean")),
                "executor_id"), this::stop),
        tools.tool("get_executor", "One executor: config, status, fills, P&L",
            Tools.schema(Map.of("executor_id", Tools.STRING), "executor_id"), this::get),
        tools.tool("search_executors", "Executors of the caller's controllers, newest first",
            Tools.schema(Map.of("controller_ids", Map.of("type", "array", "items", Tools.STRING),
                "status", Map.of("type", "array", "items", Tools.STRING),
                "limit", Map.of("type", "integer", "minimum", 1, "maximum", ExecutorSearch.MAX_LIMIT))), this::search),
        tools.tool("get_positions", "A controller's held positions, marked to market",
            Tools.schema(Map.of("controller_id", Tools.STRING), "controller_id"), this::positions),
        tools.tool("get_risk_state", "A controller's risk limits, usage and trading state",
            Tools.schema(Map.of("controller_id", Tools.STRING), "controller_id"), this::risk));
  }

  private Object create(final ToolCall call) {
    final ExecutorView v = call.await(executors.create(createRequests.apply(call.args)));
    return ExecutorJson.created(v.report());
  }


  private Object stop(final ToolCall call) {
    final String id = call.text("executor_id");
    final JsonNode keep = call.args.get("keep_position");
    final ExecutorView v = call.await(executors.stop(id, keep != null && keep.asBoolean()));
    return detail(v);
  }

  private Object get(final ToolCall call) {
    return detail(call.await(executors.get(call.text("executor_id"))));
  }

  private Map<String, Object> detail(final ExecutorView v) {
    return ExecutorJson.detail(v.config(), v.report(), v.heldOrders(), clock.instant(), tools.mapper());
  }

  private Object search(final ToolCall call) {
    final Set<String> asked = strings(call.args.get("controller_ids"));
    final Set<String> ids = asked;
    final JsonNode limit = call.args.get("limit");
    final ExecutorSearch q = new ExecutorSearch(limit == null ? 100 : limit.asInt(), null, ids,
        Set.of(), Set.of(), Set.of(), strings(call.args.get("status")));
    final List<Map<String, Object>> data = new ArrayList<>();
    for (ExecutorView v : call.await(executors.search(q)).data()) {
      data.add(ExecutorJson.summary(v.report(), clock.instant()));
    }
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("data", data);
    return m;
  }

  private Object positions(final ToolCall call) {
    final String id = call.text("controller_id");
    return call.await(positions.summaryOf(controllers, List.of(id)));
  }

  private Object risk(final ToolCall call) {
    final String id = call.text("controller_id");
    return RiskJson.view(call.await(controllers.risk(id)));
  }

  private static Set<String> strings(final JsonNode n) {
    final Set<String> out = new LinkedHashSet<>();
    if (n != null && n.isArray()) {
      n.forEach(e -> out.add(e.asText()));
    } else if (n != null && n.isTextual()) {
      out.add(n.asText());
    }
    return out;
  }
}
