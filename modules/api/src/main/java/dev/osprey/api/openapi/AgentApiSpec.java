package dev.osprey.api.openapi;

import static dev.osprey.api.openapi.Schemas.array;
import static dev.osprey.api.openapi.Schemas.enumOf;
import static dev.osprey.api.openapi.Schemas.integer;
import static dev.osprey.api.openapi.Schemas.nullable;
import static dev.osprey.api.openapi.Schemas.object;
import static dev.osprey.api.openapi.Schemas.pattern;
import static dev.osprey.api.openapi.Schemas.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osprey.api.openapi.RouteSpec.Param;
import dev.osprey.domain.Ids;
import java.util.List;

/** The agent operations of the API document and their schemas. */
final class AgentApiSpec {
  private static final String AGENTS = "agents";
  private static final Param AGENT_ID = new Param("id", "Agent id: its slug and controller_id (" + Ids.RULE + ")",
      pattern(Schemas.ID_PATTERN));

  static final RouteSpec CREATE = new RouteSpec("POST", "/agents", "createAgent", AGENTS,
      "Import an agent from the standard's files (agent.md, config.yml); its limits go to its risk supervisor",
      List.of(), List.of(), "CreateAgentRequest", 201, "Agent", List.of(400, 409, 503));
  static final RouteSpec LIST = new RouteSpec("GET", "/agents", "listAgents", AGENTS,
      "Every agent id", List.of(), List.of(), null, 200, "Agents", List.of(503));
  static final RouteSpec GET = new RouteSpec("GET", "/agents/{id}", "getAgent", AGENTS,
      "An agent: definition, configs in force, session, suggestions, learnings",
      List.of(AGENT_ID), List.of(), null, 200, "Agent", List.of(400, 404, 503));
  static final RouteSpec SESSION = new RouteSpec("POST", "/agents/{id}/sessions/{action}", "changeSession", AGENTS,
      "Start, pause, resume or stop the agent's session",
      List.of(AGENT_ID, new Param("action", "start, pause, resume or stop",
          enumOf(List.of("start", "pause", "resume", "stop")))),
      List.of(), null, 200, "Agent", List.of(400, 404, 409, 503));
  static final RouteSpec SUGGESTION = new RouteSpec("POST", "/agents/{id}/suggestions/{suggestion}/{decision}",
      "decideSuggestion", AGENTS, "Approve or reject a config the agent suggested (from its next tick)",
      List.of(AGENT_ID, new Param("suggestion", "Suggestion number", integer().put("minimum", 1)),
          new Param("decision", "approve or reject", enumOf(List.of("approve", "reject")))),
      List.of(), "SuggestionDecision", 200, "Agent", List.of(400, 404, 409, 503));
  static final RouteSpec FILE = new RouteSpec("GET", "/agents/{id}/files/{path}", "getAgentFile", AGENTS,
      "One file of the agent's trading_agents/{slug}/ tree, path URL-encoded "
          + "(e.g. trading_sessions%2Fsession_1%2Fjournal.md)",
      List.of(AGENT_ID, new Param("path", "File path in the agent's tree, URL-encoded", string().put("minLength", 1))),
      List.of(), null, 200, "text/plain", List.of(400, 404, 503));
  static final RouteSpec EXPORT = new RouteSpec("GET", "/agents/{id}/export", "exportAgent", AGENTS,
      "The agent's whole trading_agents/{slug}/ tree as a zip archive",
      List.of(AGENT_ID), List.of(), null, 200, "application/zip", List.of(400, 404, 503));

  static final RouteSpec ROUTINES = new RouteSpec("GET", "/routines", "listRoutines", "routines",
      "The routines (indicators, webhook, alert) with their parameters as JSON schemas",
      List.of(), List.of(), null, 200, "Routines", List.of());
  static final RouteSpec RUN_ROUTINE = new RouteSpec("POST", "/routines/{name}/run", "runRoutine", "routines",
      "Run a routine with the body as its arguments",
      List.of(new Param("name", "Routine, e.g. atr", string().put("minLength", 1))), List.of(),
      "RoutineArgs", 200, "RoutineRun", List.of(400, 404, 409));

  private AgentApiSpec() {}

  static void schemas(final ObjectNode s) {
    s.set("CreateAgentRequest", object(false)
        .description("The standard's files as text (agent_md required, or loom_toml for a Loom executor "
            + "agent); id is the agent's directory name (slug)")
        .prop("id", pattern(Schemas.ID_PATTERN))
        .prop("agent_md", string().put("minLength", 1))
        .prop("config_yml", nullable(string()))
        .prop("learnings_md", nullable(string()))
        .prop("loom_toml", nullable(string()))
        .required("id").build());
    s.set("RoutineArgs", Schemas.type("object").put("description",
        "The routine's arguments (see GET /routines), e.g. {\"connector\": \"paper\", \"trading_pair\": \"BTC-USDT\"}"));
    s.set("Routines", object(false).prop("routines", array(Schemas.type("object"))).required("routines").build());
    s.set("RoutineRun", object(false).prop("routine", string()).prop("outputs", Schemas.type("object"))
        .prop("summary", nullable(string())).required("routine", "outputs").build());
    s.set("SuggestionDecision", object(false).prop("reason", nullable(string())).build());
    s.set("Agents", object(false).prop("agents", array(string())).required("agents").build());
    s.set("Agent", object(false)
        .prop("id", string()).prop("controller_id", string()).prop("name", string()).prop("policy", string())
        .prop("tick_interval", integer()).prop("connectors", array(string()))
        .prop("configs", Schemas.type("object")).prop("limits", Schemas.type("object"))
        .prop("session", nullable(Schemas.type("object"))).prop("sessions", integer())
        .prop("suggestions", array(Schemas.type("object"))).prop("learnings", array(Schemas.type("object")))
        .prop("notes", array(string()))
        .required("id", "name", "policy").build());
  }

  /** The standard's example agent, as a request that succeeds. */
  static ObjectNode example() {
    return Schemas.F.objectNode().put("id", "grid-market-maker").put("agent_md", "---\nname: Grid Market Maker\n"
        + "tick_interval: 60\nconnectors:\n  - binance_perpetual\n  - jupiter\n\nconfigs:\n  trading_pair: SOL-USDC\n"
        + "  grid_levels: 5\n  spread_percentage: 0.3\n\nlimits:\n  max_position_size_quote: 500\n"
        + "  max_single_order_quote: 100\n  max_daily_loss_quote: 50\n  max_open_executors: 10\n"
        + "  max_drawdown_pct: 10\n---\n\n## Goal\nProvide liquidity around the mid-price while managing inventory risk.\n");
  }
}
