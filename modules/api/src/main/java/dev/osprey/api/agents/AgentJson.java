package dev.osprey.api.agents;

import dev.osprey.engine.agent.AgentSession;
import dev.osprey.engine.agent.AgentState;
import dev.osprey.engine.agent.AgentView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An agent as the API answers it. */
public final class AgentJson {
  private AgentJson() {}

  public static Map<String, Object> view(final AgentView v) {
    final AgentState s = v.state();
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id());
    m.put("controller_id", v.id());
    m.put("name", s.spec().name());
    m.put("description", s.spec().description());
    m.put("policy", s.spec().policy());
    m.put("tick_interval", s.spec().tickIntervalSeconds());
    m.put("connectors", s.spec().connectors());
    m.put("configs", s.configs());
    m.put("limits", s.spec().limits().toMap());
    m.put("session", s.current().map(AgentJson::session).orElse(null));
    m.put("sessions", s.sessions().size());
    m.put("suggestions", s.suggestions().stream().map(AgentJson::suggestion).toList());
    m.put("learnings", s.learnings().active().stream().map(l -> Map.of("at", l.at().toString(), "text", l.text())).toList());
    m.put("executors", s.sessions().stream().mapToInt(x -> x.executors().size()).sum());
    m.put("notes", v.notes());
    return m;
  }

  static Map<String, Object> session(final AgentSession s) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", s.number());
    m.put("status", s.status());
    m.put("started_at", s.startedAt().toString());
    m.put("ended_at", s.endedAt() == null ? null : s.endedAt().toString());
    m.put("ticks", s.ticks().size());
    m.put("last_tick", s.lastTick());
    m.put("last_tick_at", s.lastTickAt() == null ? null : s.lastTickAt().toString());
    m.put("tick_running", s.tickOpen());
    m.put("executors", s.executors().stream().map(AgentSession.SessionExecutor::executorId).toList());
    return m;
  }

  static Map<String, Object> suggestion(final AgentState.Suggestion x) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", x.id());
    m.put("key", x.key());
    m.put("value", dev.osprey.engine.agent.AgentSpec.valueOf(x.valueJson()));
    m.put("reason", x.reason());
    m.put("session", x.session());
    m.put("tick", x.tick());
    m.put("suggested_at", x.at().toString());
    m.put("status", x.status());
    m.put("decided_by", x.decidedBy());
    m.put("decided_at", x.decidedAt() == null ? null : x.decidedAt().toString());
    m.put("reject_reason", x.rejectReason());
    return m;
  }

  public static Map<String, Object> list(final List<String> ids) {
    return Map.of("agents", ids);
  }
}
