package dev.osprey.api.openapi;

import static dev.osprey.api.openapi.Schemas.array;
import static dev.osprey.api.openapi.Schemas.bool;
import static dev.osprey.api.openapi.Schemas.decimal;
import static dev.osprey.api.openapi.Schemas.enumOf;
import static dev.osprey.api.openapi.Schemas.integer;
import static dev.osprey.api.openapi.Schemas.nullable;
import static dev.osprey.api.openapi.Schemas.object;
import static dev.osprey.api.openapi.Schemas.pattern;
import static dev.osprey.api.openapi.Schemas.ref;
import static dev.osprey.api.openapi.Schemas.string;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osprey.api.openapi.RouteSpec.Param;
import dev.osprey.domain.Ids;
import dev.osprey.domain.risk.RiskLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP API as one table of operations ({@link #ROUTES}) and the OpenAPI 3.1 document generated
 * from it ({@link #document()}), served at {@code GET /openapi.json}. {@link RouteGuard} serves
 * only what the table lists, and {@code OpenApiRoutesHttpTest} calls every operation of the
 * document against a node: a route and its documentation cannot drift apart unnoticed.
 */
public final class ApiSpec {
  public static final String VERSION = "0.1.0";
  private static final String EXECUTORS = "executors";
  private static final String POSITIONS = "positions";
  private static final String CONTROLLERS = "controllers";
  private static final String PAPER = "paper";

  private static final Param EXECUTOR_ID = new Param("id", "Executor id", string().put("minLength", 1));
  private static final Param CONTROLLER_ID = new Param("id", "Controller id (" + Ids.RULE + ")",
      pattern(Schemas.ID_PATTERN));
  private static final Param PAIR = new Param("pair", "Market as BASE-QUOTE, e.g. BTC-USDT",
      pattern(Schemas.PAIR_PATTERN));
  private static final Param CONTROLLER_FILTER =
      new Param("controller_id", "Only this controller (default: all)", pattern(Schemas.ID_PATTERN));
  private static final Param CONNECTOR =
      new Param("connector", "Paper venue (default paper; paper and paper_b run by default)", string());

  /** Every operation of the API, in the order of {@code src-docs/api.md}. */
  public static final List<RouteSpec> ROUTES = List.of(
      new RouteSpec("POST", "/executors", "createExecutor", EXECUTORS,
          "Create an executor (hummingbot-api); idempotent with executor_config.id",
          List.of(), List.of(), "CreateExecutorRequest", 201, "ExecutorCreated", List.of(400, 403, 409, 503)),
      new RouteSpec("POST", "/executors/search", "searchExecutors", EXECUTORS,
          "Search executors, newest first, paged by cursor",
          List.of(), List.of(), "ExecutorSearch", 200, "ExecutorPage", List.of(400, 503)),
      new RouteSpec("GET", "/executors/summary", "executorsSummary", EXECUTORS,
          "Totals over the active executors",
          List.of(), List.of(), null, 200, "ExecutorsSummary", List.of(503)),
      new RouteSpec("GET", "/executors/performance", "executorsPerformance", EXECUTORS,
          "Realized, unrealized and held P&L, win rate and volume",
          List.of(), List.of(CONTROLLER_FILTER), null, 200, "Performance", List.of(400, 503)),
      new RouteSpec("GET", "/executors/types/available", "executorTypes", EXECUTORS,
          "The executor types with description and use case",
          List.of(), List.of(), null, 200, "ExecutorTypes", List.of()),
      new RouteSpec("GET", "/executors/types/{type}/config", "executorTypeConfig", EXECUTORS,
          "The config fields of one executor type",
          List.of(new Param("type", "Executor type, e.g. position_executor", string())), List.of(),
          null, 200, "ExecutorTypeConfig", List.of(404)),
      new RouteSpec("GET", "/executors/{id}", "getExecutor", EXECUTORS,
          "One executor with its report, config and custom info",
          List.of(EXECUTOR_ID), List.of(), null, 200, "ExecutorDetail", List.of(404, 503)),
      new RouteSpec("POST", "/executors/{id}/stop", "stopExecutor", EXECUTORS,
          "Stop an executor, closing its position or handing it to the controller's position book",
          List.of(EXECUTOR_ID), List.of(), "StopRequest", 200, "StopResponse", List.of(400, 404, 503)),
      new RouteSpec("GET", "/executors/positions/summary", "positionsSummary", POSITIONS,
          "The controllers' held positions (flat ones are not listed)",
          List.of(), List.of(CONTROLLER_FILTER), null, 200, "PositionsSummary", List.of(400, 503)),
      new RouteSpec("GET", "/executors/positions/{connector}/{pair}", "getPosition", POSITIONS,
          "One held position of a controller",
          List.of(new Param("connector", "Venue, e.g. paper", string()), PAIR),
          List.of(new Param("controller_id", "Controller (default main)", pattern(Schemas.ID_PATTERN)),
              new Param("position_side", "LONG or SHORT; needed when both hedge-mode sides are held",
                  enumOf(List.of("LONG", "SHORT")))),
          null, 200, "PositionHold", List.of(400, 404, 503)),
      new RouteSpec("DELETE", "/executors/positions/{connector}/{pair}", "clearPosition", POSITIONS,
          "Clear a held position (recorded with who and why)",
          List.of(new Param("connector", "Venue, e.g. paper", string()), PAIR),
          List.of(new Param("controller_id", "Controller (default main)", pattern(Schemas.ID_PATTERN)),
              new Param("reason", "Why (or give it in the body, not both)", string().put("maxLength", 500))),
          "ClearPositionRequest", 200, "PositionCleared", List.of(400, 404, 503)),
      new RouteSpec("GET", "/controllers", "listControllers", CONTROLLERS,
          "Every controller that ever spawned an executor",
          List.of(), List.of(), null, 200, "Controllers", List.of(503)),
      new RouteSpec("GET", "/controllers/{id}/risk", "controllerRisk", CONTROLLERS,
          "Limits, usage, trading state and recent denials of a controller",
          List.of(CONTROLLER_ID), List.of(), null, 200, "Risk", List.of(400, 503)),
      new RouteSpec("GET", "/controllers/{id}/limits", "getLimits", CONTROLLERS,
          "The controller's limits (null = off)",
          List.of(CONTROLLER_ID), List.of(), null, 200, "RiskLimits", List.of(400, 503)),
      new RouteSpec("PUT", "/controllers/{id}/limits", "setLimits", CONTROLLERS,
          "Replace the controller's limits (absent or null = off)",
          List.of(CONTROLLER_ID), List.of(), "RiskLimits", 200, "Risk", List.of(400, 503)),
      new RouteSpec("PUT", "/controllers/{id}/trading-state", "setTradingState", CONTROLLERS,
          "ACTIVE, REDUCING or HALTED; with stop_executors, the kill switch",
          List.of(CONTROLLER_ID), List.of(), "TradingStateRequest", 200, "Risk", List.of(400, 503)),
      new RouteSpec("GET", "/trading-state", "getGlobalTradingState", CONTROLLERS,
          "The global trading state every controller obeys above its own (the stricter applies)",
          List.of(), List.of(), null, 200, "GlobalTradingState", List.of(503)),
      new RouteSpec("PUT", "/trading-state", "setGlobalTradingState", CONTROLLERS,
          "Set the global trading state: ACTIVE, REDUCING or HALTED",
          List.of(), List.of(), "GlobalTradingStateRequest", 200, "GlobalTradingState", List.of(400, 503)),
      new RouteSpec("POST", "/kill-switch", "killSwitch", CONTROLLERS,
          "Stop every executor of every controller (closing positions unless keep_position); global HALTED",
          List.of(), List.of(), "KillSwitchRequest", 200, "GlobalTradingState", List.of(400, 503)),
      new RouteSpec("POST", "/paper/markets/{pair}/quote", "setQuote", PAPER,
          "Set a paper market's quote (lists the pair if new), filling resting orders it crosses",
          List.of(PAIR), List.of(CONNECTOR), "Quote", 200, "PaperMarket", List.of(400, 404)),
      new RouteSpec("PUT", "/paper/markets/{pair}", "configureMarket", PAPER,
          "Set a paper market's fees and trading rules (any subset)",
          List.of(PAIR), List.of(CONNECTOR), "MarketSettings", 200, "PaperMarket", List.of(400, 404)),
      new RouteSpec("GET", "/paper/markets/{pair}", "getMarket", PAPER,
          "A paper market's settings and quote",
          List.of(PAIR), List.of(CONNECTOR), null, 200, "PaperMarket", List.of(400, 404)),
      new RouteSpec("PUT", "/paper/balances", "setBalances", PAPER,
          "Set the listed assets' balances on a paper venue",
          List.of(), List.of(CONNECTOR), "Balances", 200, "BalancesView", List.of(400, 404)),
      new RouteSpec("GET", "/paper/balances", "getBalances", PAPER,
          "A paper venue's available balances",
          List.of(), List.of(CONNECTOR), null, 200, "BalancesView", List.of(404)),
      AgentApiSpec.CREATE, AgentApiSpec.LIST, AgentApiSpec.GET, AgentApiSpec.SESSION, AgentApiSpec.SUGGESTION,
      AgentApiSpec.FILE, AgentApiSpec.EXPORT, AgentApiSpec.ROUTINES, AgentApiSpec.RUN_ROUTINE,
      TopicApiSpec.STATS, TopicApiSpec.PUBLISH, TopicApiSpec.EVENTS,
      ClusterApiSpec.MEMBERS, ClusterApiSpec.EVENTS, ClusterApiSpec.SHARDING, ClusterApiSpec.ENTITIES,
      ClusterApiSpec.LOCATE, ClusterApiSpec.UI, ClusterApiSpec.UI_FILE,
      new RouteSpec("POST", "/mcp", "mcp", "mcp",
          "MCP server (Streamable HTTP, stateless, JSON answers): one JSON-RPC message per POST; a request "
              + "is answered with its response, a notification with 202. Tools: create_executor, stop_executor, "
              + "get_executor, search_executors, get_positions, get_risk_state, list_agents, get_agent, "
              + "start_session, pause_session, resume_session, stop_session, get_agent_file",
          List.of(), List.of(), "JsonRpcMessage", 200, "JsonRpcMessage", List.of(400)),
      new RouteSpec("GET", "/openapi.json", "openApi", "api",
          "This document (OpenAPI 3.1)",
          List.of(), List.of(), null, 200, "OpenApiDocument", List.of()));

  /** Bodies whose fields are all optional: an empty body reads as {@code {}}. */
  private static final Set<String> OPTIONAL_BODIES = Set.of("ExecutorSearch", "StopRequest", "RiskLimits", "MarketSettings",
      "ClearPositionRequest", "KillSwitchRequest", "SuggestionDecision", "RoutineArgs");

  private static final Map<Integer, String> ERROR_TEXT = Map.of(
      400, "Invalid request: malformed JSON, unknown field, wrong type or broken rule; `violations` names each field",
      401, "No user, a wrong user or password, or not basic credentials",
      403, "A read-only user asked for a change, or a risk denial (`error` is the reason code)",
      404, "Unknown executor, position, market, paper venue or executor type",
      405, "The path exists but not with this method (`Allow` lists the methods)",
      409, "An executor id reused with a different config",
      503, "The cluster did not answer in time (TIMEOUT) or the executor has not confirmed its start (NOT_CONFIRMED)");

  private ApiSpec() {}

  /** The OpenAPI 3.1 document of {@link #ROUTES}. */
  public static ObjectNode document() {
    final ObjectNode doc = Schemas.F.objectNode();
    doc.put("openapi", "3.1.0");
    doc.putObject("info")
        .put("title", "Osprey")
        .put("version", VERSION)
        .put("description", "The execution layer for trading agents: executors (hummingbot-api compatible), "
            + "controllers' risk, and the paper venues. Every route needs HTTP basic authentication; errors are "
            + "{\"error\": CODE, \"message\": …} (see src-docs/api.md).");
    doc.putArray("security").addObject().putArray("basicAuth");
    final ObjectNode paths = doc.putObject("paths");
    for (RouteSpec r : ROUTES) {
      final ObjectNode item = paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
      item.set(r.method().toLowerCase(java.util.Locale.ROOT), operation(r));
    }
    final ObjectNode components = doc.putObject("components");
    components.putObject("securitySchemes").putObject("basicAuth")
        .put("type", "http").put("scheme", "basic")
        .put("description", "Users from configuration (osprey.auth); read-only users may only read");
    final ObjectNode schemas = components.putObject("schemas");
    requestSchemas(schemas);
    responseSchemas(schemas);
    AgentApiSpec.schemas(schemas);
    TopicApiSpec.schemas(schemas);
    ClusterApiSpec.schemas(schemas);
    schemas.set("JsonRpcMessage", Schemas.type("object").put("description",
        "A JSON-RPC 2.0 message of the Model Context Protocol (initialize, tools/list, tools/call, ping, notifications)"));
    ExecutorConfigSchemas.addTo(schemas);
    return doc;
  }

  private static ObjectNode operation(final RouteSpec r) {
    final ObjectNode op = Schemas.F.objectNode();
    op.put("operationId", r.operationId());
    op.putArray("tags").add(r.tag());
    op.put("summary", r.summary());
    final ArrayNode params = Schemas.F.arrayNode();
    for (Param p : r.pathParams()) {
      params.add(param(p, "path", true));
    }
    for (Param p : r.query()) {
      params.add(param(p, "query", false));
    }
    if (!params.isEmpty()) {
      op.set("parameters", params);
    }
    if (r.requestSchema() != null) {
      final ObjectNode body = op.putObject("requestBody").put("required", !OPTIONAL_BODIES.contains(r.requestSchema()));
      final ObjectNode media = body.putObject("content").putObject("application/json");
      media.set("schema", ref(r.requestSchema()));
      final ObjectNode example = example(r.requestSchema());
      if (example != null) {
        media.putObject("examples").putObject("example").set("value", example);
      }
    }
    final ObjectNode responses = op.putObject("responses");
    responses.set(String.valueOf(r.success()), r.responseSchema().contains("/")
        ? media("Success", r.responseSchema()) : content("Success", ref(r.responseSchema())));
    final List<Integer> errors = new ArrayList<>(r.errors());
    errors.add(401);
    // Read-only users get 403 on everything but reads and the search query.
    if (!"GET".equals(r.method()) && !r.path().equals("/executors/search") && !errors.contains(403)) {
      errors.add(403);
    }
    for (int status : new java.util.TreeSet<>(errors)) {
      responses.set(String.valueOf(status), content(ERROR_TEXT.get(status), ref("Error")));
    }
    return op;
  }

  /**
   * A valid body (from the walk-through in {@code README.md}), so that clients and fuzzers see a
   * request that succeeds; null when the schema has none.
   */
  private static ObjectNode example(final String schema) {
    switch (schema) {
      case "CreateExecutorRequest": {
        final ObjectNode body = Schemas.F.objectNode().put("controller_id", "openapi-example");
        body.putObject("executor_config")
            .put("id", "openapi-example-1").put("type", "order_executor").put("connector_name", "paper")
            .put("trading_pair", "BTC-USDT").put("side", "BUY").put("amount", "0.001")
            .put("execution_strategy", "LIMIT").put("price", "50000");
        return body;
      }
      case "Quote":
        return Schemas.F.objectNode().put("bid", "100").put("ask", "100.1");
      case "Balances":
        return Schemas.F.objectNode().put("USDT", "10000");
      case "CreateAgentRequest":
        return AgentApiSpec.example();
      case "TopicMessage":
        return TopicApiSpec.example();
      case "TradingStateRequest":
        return Schemas.F.objectNode().put("state", "ACTIVE").put("reason", "resumed");
      default:
        return null;
    }
  }

  private static ObjectNode param(final Param p, final String in, final boolean required) {
    final ObjectNode n = Schemas.F.objectNode()
        .put("name", p.name()).put("in", in).put("required", required).put("description", p.description());
    n.set("schema", p.schema().deepCopy());
    return n;
  }

  /** A success that is not JSON: {@code responseSchema} names its media type (a file, an archive). */
  private static ObjectNode media(final String description, final String mediaType) {
    final ObjectNode n = Schemas.F.objectNode().put("description", description);
    final ObjectNode schema = n.putObject("content").putObject(mediaType).putObject("schema").put("type", "string");
    if (!mediaType.startsWith("text/") && !mediaType.equals("*/*")) {
      schema.put("contentMediaType", mediaType);
    }
    return n;
  }

  private static ObjectNode content(final String description, final ObjectNode schema) {
    final ObjectNode n = Schemas.F.objectNode().put("description", description);
    n.putObject("content").putObject("application/json").set("schema", schema);
    return n;
  }

  private static ObjectNode stringOrList() {
    return stringOrList(string());
  }

  private static ObjectNode stringOrList(final ObjectNode item) {
    final ObjectNode n = Schemas.F.objectNode();
    n.putArray("anyOf").add(item).add(array(item.deepCopy())).add(Schemas.type("null"));
    return n;
  }

  private static void requestSchemas(final ObjectNode s) {
    s.set("CreateExecutorRequest", object(false)
        .description("hummingbot-api's create body; controller_id from the body, else executor_config, else main")
        .prop("account_name", string())
        .prop("controller_id", pattern(Schemas.ID_PATTERN))
        .prop("executor_config", ref("ExecutorConfig"))
        .required("executor_config").build());
    s.set("ExecutorSearch", object(true)
        .description("Every filter is optional; null is absent")
        .prop("limit", nullable(integer().put("minimum", 1).put("maximum", 1000).put("default", 100)))
        .prop("cursor", nullable(string()))
        .prop("controller_ids", stringOrList(pattern(Schemas.ID_PATTERN)))
        .prop("connector_names", stringOrList())
        .prop("trading_pairs", stringOrList())
        .prop("executor_types", stringOrList())
        .prop("status", stringOrList())
        .prop("account_names", stringOrList()).build());
    s.set("StopRequest", object(false)
        .prop("keep_position", nullable(bool().put("default", false))).build());
    s.set("ClearPositionRequest", object(false).prop("reason", nullable(string().put("maxLength", 500))).build());
    s.set("PositionCleared", object(false).prop("message", string()).prop("connector_name", string())
        .prop("trading_pair", string()).prop("controller_id", string()).prop("cleared_by", string())
        .prop("positions", array(ref("PositionHold"))).build());
    s.set("GlobalTradingStateRequest", object(false)
        .prop("state", enumOf(List.of("ACTIVE", "REDUCING", "HALTED")))
        .prop("reason", nullable(string()))
        .required("state").build());
    s.set("KillSwitchRequest", object(false)
        .prop("keep_position", nullable(bool().put("default", false)))
        .prop("reason", nullable(string())).build());
    s.set("GlobalTradingState", object(false)
        .prop("trading_state", enumOf(List.of("ACTIVE", "REDUCING", "HALTED")))
        .prop("reason", nullable(string())).prop("version", integer()).prop("kill_switch", bool())
        .prop("keep_position", bool()).prop("changed_at", nullable(string()))
        .prop("pending_controllers", array(string()))
        .required("trading_state", "version").build());
    final Schemas.Obj limits = object(true).description("Absent or null = off");
    for (String key : RiskLimits.KEYS) {
      final boolean count = key.equals(RiskLimits.MAX_OPEN_EXECUTORS) || key.equals(RiskLimits.MAX_ORDERS_PER_SECOND)
          || key.equals(RiskLimits.COOLDOWN_AFTER_LOSS_SEC);
      limits.prop(key, nullable(count ? integer().put("minimum", 0) : decimal()));
    }
    s.set("RiskLimits", limits.build());
    s.set("TradingStateRequest", object(false)
        .prop("state", enumOf(List.of("ACTIVE", "REDUCING", "HALTED")))
        .prop("reason", nullable(string()))
        .prop("stop_executors", nullable(bool()))
        .prop("keep_position", nullable(bool()))
        .required("state").build());
    s.set("Quote", object(true)
        .description("bid and ask, or price for zero spread; sizes limit fills per quote")
        .prop("bid", decimal()).prop("ask", decimal()).prop("price", decimal())
        .prop("bid_size", decimal()).prop("ask_size", decimal()).build());
    s.set("MarketSettings", object(true)
        .prop("maker_fee", decimal()).prop("taker_fee", decimal()).prop("min_order_size", decimal())
        .prop("min_notional", decimal()).prop("price_increment", decimal()).prop("base_increment", decimal()).build());
    final ObjectNode balances = Schemas.type("object").put("description", "Asset to amount, e.g. {\"USDT\": \"10000\"}");
    balances.set("additionalProperties", decimal());
    balances.put("minProperties", 1);
    s.set("Balances", balances);
  }

  private static void responseSchemas(final ObjectNode s) {
    s.set("Error", object(false)
        .prop("error", string().put("description", "Code: INVALID_REQUEST, INVALID_JSON, UNAUTHORIZED, FORBIDDEN, "
            + "NOT_FOUND, NO_ROUTE, METHOD_NOT_ALLOWED, a risk reason code, TIMEOUT, …"))
        .prop("message", string())
        .prop("violations", array(object(false).prop("field", string()).prop("rule", string())
            .required("field", "rule").build()))
        .prop("detail", string())
        .required("error", "message").build());
    final ObjectNode status = enumOf(List.of("NOT_STARTED", "RUNNING", "SHUTTING_DOWN", "TERMINATED"));
    s.set("ExecutorCreated", object(false)
        .prop("executor_id", string()).prop("executor_type", string()).prop("connector_name", string())
        .prop("trading_pair", string()).prop("controller_id", string()).prop("status", status)
        .prop("close_type", nullable(string()))
        .required("executor_id", "executor_type", "status").build());
    s.set("ExecutorDetail", object(false)
        .prop("executor_id", string()).prop("executor_type", string()).prop("controller_id", string())
        .prop("status", status).prop("close_type", nullable(string()))
        .prop("net_pnl_quote", decimal()).prop("config", Schemas.type("object"))
        .required("executor_id", "executor_type", "status").build());
    s.set("ExecutorPage", object(false)
        .prop("data", array(Schemas.type("object")))
        .prop("pagination", object(false).prop("limit", integer()).prop("has_more", bool())
            .prop("next_cursor", nullable(string())).required("limit", "has_more").build())
        .required("data", "pagination").build());
    s.set("StopResponse", object(false)
        .prop("executor_id", string()).prop("status", string()).prop("keep_position", bool())
        .prop("executor", ref("ExecutorDetail")).required("executor_id", "status", "executor").build());
    s.set("ExecutorsSummary", object(false).prop("total_active", integer()).required("total_active").build());
    s.set("Performance", object(false).prop("total_executors", integer()).build());
    s.set("ExecutorTypes", object(false).prop("executor_types", array(object(false)
        .prop("type", string()).prop("description", string()).prop("use_case", string()).build()))
        .required("executor_types").build());
    s.set("ExecutorTypeConfig", object(false)
        .description("See GET /executors/types/{type}/config in src-docs/api.md; the same fields as the "
            + "ExecutorConfig schemas of this document")
        .prop("executor_type", string()).prop("fields", array(Schemas.type("object")))
        .required("executor_type", "fields").build());
    s.set("PositionsSummary", object(false).prop("total_positions", integer())
        .prop("positions", array(ref("PositionHold"))).required("positions").build());
    s.set("PositionHold", object(false).prop("trading_pair", string()).prop("connector_name", string())
        .prop("controller_id", string()).prop("position_side", enumOf(List.of("LONG", "SHORT", "FLAT"))).build());
    s.set("Controllers", object(false).prop("controllers", array(string())).required("controllers").build());
    s.set("Risk", object(false).prop("controller_id", string())
        .prop("trading_state", enumOf(List.of("ACTIVE", "REDUCING", "HALTED")))
        .prop("limits", ref("RiskLimits")).prop("usage", Schemas.type("object")).prop("tick_blocked", bool())
        .required("controller_id", "trading_state", "limits").build());
    s.set("PaperMarket", Schemas.type("object").put("description", "Settings and quote of a paper market"));
    s.set("OpenApiDocument", object(false).prop("openapi", string()).required("openapi", "paths").build());
    s.set("BalancesView", Schemas.type("object").put("description", "Available balance by asset"));
  }
}
