package dev.osprey.api.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.api.JsonRoutes;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.Ids;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.gateway.ControllerGateway;
import java.util.Map;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Osprey's controller routes: a controller's risk (limits, usage, trading state), its user-only
 * limits, and its trading state (the kill switch).
 */
public final class ControllerRoutes extends JsonRoutes {
  private final ControllerGateway controllers;

  public ControllerRoutes(final ObjectMapper mapper, final ControllerGateway controllers) {
    super(mapper);
    this.controllers = controllers;
  }

  public Route routes() {
    return pathPrefix("controllers", () -> concat(
        pathEndOrSingleSlash(() -> get(() -> await(controllers.controllers(), ids -> ok(Map.of("controllers", ids))))),
        pathPrefix(PathMatchers.segment(), id -> guarded(() -> controller(id)))));
  }

  private Route controller(final String id) {
    // Checked first: sharding drops messages for ids it cannot take (the empty one), which would
    // leave the request to time out as a 503.
    Ids.require("controller_id", id);
    return concat(
        pathPrefix("risk", () -> pathEndOrSingleSlash(() -> get(() ->
            await(controllers.risk(id), r -> ok(RiskJson.view(r)))))),
        pathPrefix("limits", () -> pathEndOrSingleSlash(() -> concat(
            get(() -> await(controllers.risk(id), r -> ok(RiskJson.limits(r.limits())))),
            put(() -> withJsonBody(body -> await(controllers.setLimits(id, limits(body)),
                r -> ok(RiskJson.view(r)))))))),
        pathPrefix("trading-state", () -> pathEndOrSingleSlash(() ->
            put(() -> withJsonBody(body -> tradingState(id, body))))));
  }

  private RiskLimits limits(final JsonNode body) {
    @SuppressWarnings("unchecked")
    final Map<String, Object> raw = mapper.convertValue(body, Map.class);
    if (raw.get(RiskLimits.MAX_ORDERS_PER_SECOND) != null) {
      // Refused rather than accepted and ignored: a limit that silently does nothing is worse
      // than none (order-rate enforcement needs the venue gateway, which is not there yet).
      throw new dev.osprey.domain.FieldViolation.Invalid(RiskLimits.MAX_ORDERS_PER_SECOND,
          "is not enforced by this version yet; leave it out (null)");
    }
    return RiskLimits.fromMap(raw);
  }

  private Route tradingState(final String id, final JsonNode body) {
    final JsonNode s = body.get("state");
    if (s == null || !s.isTextual()) {
      throw new FieldViolation.Invalid("state", "is required (ACTIVE, REDUCING or HALTED)");
    }
    final TradingState state;
    try {
      state = TradingState.valueOf(s.asText().trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new FieldViolation.Invalid("state", "must be ACTIVE, REDUCING or HALTED");
    }
    final JsonNode given = body.get("reason");
    if (given != null && !given.isNull() && !given.isTextual()) {
      throw new FieldViolation.Invalid("reason", "must be a string");
    }
    final String reason = given == null || given.isNull() ? null : given.asText();
    final boolean stop = bool(body, "stop_executors");
    final boolean keep = bool(body, "keep_position");
    return await(controllers.setTradingState(id, state, reason, stop, keep), r -> ok(RiskJson.view(r)));
  }

  private static boolean bool(final JsonNode body, final String field) {
    final JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return false;
    }
    if (!n.isBoolean()) {
      throw new FieldViolation.Invalid(field, "must be true or false");
    }
    return n.asBoolean();
  }
}
