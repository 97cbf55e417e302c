package dev.osprey.api.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.gateway.GlobalTradingState;
import dev.osprey.json.JsonFields;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Reads the fields of trading-state and kill-switch bodies, and writes the global state. */
final class TradingStateJson {
  private TradingStateJson() {}

  static TradingState state(final JsonNode body) {
    final JsonNode s = body.get("state");
    if (s == null || !s.isTextual()) {
      throw new FieldViolation.Invalid("state", "is required (ACTIVE, REDUCING or HALTED)");
    }
    try {
      return TradingState.valueOf(s.asText().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new FieldViolation.Invalid("state", "must be ACTIVE, REDUCING or HALTED");
    }
  }

  static String reason(final JsonNode body) {
    return JsonFields.optionalText(body, "reason");
  }

  static boolean bool(final JsonNode body, final String field) {
    return JsonFields.optionalFlag(body, field);
  }

  static Map<String, Object> global(final GlobalTradingState g) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("trading_state", g.state().name());
    m.put("reason", g.reason());
    m.put("version", g.version());
    m.put("kill_switch", g.killSwitch());
    m.put("keep_position", g.keepPosition());
    m.put("changed_at", g.changedAt() == null ? null : g.changedAt().toString());
    // Controllers that have not acknowledged the latest change yet (it is re-sent until they do).
    m.put("pending_controllers", new TreeSet<>(g.pendingControllers()));
    return m;
  }
}
