package dev.osprey.api.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.api.JsonRoutes;
import dev.osprey.domain.Ids;
import dev.osprey.domain.risk.RiskLimits;
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
    return RiskLimits.fromMap(raw);
  }

  private Route tradingState(final String id, final JsonNode body) {
    return await(controllers.setTradingState(id, TradingStateJson.state(body), TradingStateJson.reason(body),
        TradingStateJson.bool(body, "stop_executors"), TradingStateJson.bool(body, "keep_position")),
        r -> ok(RiskJson.view(r)));
  }
}
