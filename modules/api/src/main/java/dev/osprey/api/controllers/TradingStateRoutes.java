package dev.osprey.api.controllers;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.api.JsonRoutes;
import dev.osprey.engine.gateway.TradingStateGateway;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The global trading state above every controller's ({@code GET/PUT /trading-state}) and the
 * global kill switch ({@code POST /kill-switch}).
 */
public final class TradingStateRoutes extends JsonRoutes {
  private final TradingStateGateway global;

  public TradingStateRoutes(final ObjectMapper mapper, final TradingStateGateway global) {
    super(mapper);
    this.global = global;
  }

  public Route routes() {
    return concat(
        pathPrefix("trading-state", () -> pathEndOrSingleSlash(() -> concat(
            get(() -> await(global.get(), g -> ok(TradingStateJson.global(g)))),
            put(() -> withJsonBody(body -> await(
                global.set(TradingStateJson.state(body), TradingStateJson.reason(body)),
                g -> ok(TradingStateJson.global(g)))))))),
        pathPrefix("kill-switch", () -> pathEndOrSingleSlash(() ->
            post(() -> withJsonBody(body -> await(
                global.killSwitch(TradingStateJson.bool(body, "keep_position"), TradingStateJson.reason(body)),
                g -> ok(TradingStateJson.global(g))))))));
  }
}
