package dev.osprey.api.executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.api.JsonRoutes;
import dev.osprey.api.Requester;
import dev.osprey.api.positions.PositionJson;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.Ids;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.position.PositionSide;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.engine.gateway.ControllerGateway;
import dev.osprey.engine.gateway.ExecutorGateway;
import dev.osprey.engine.gateway.ExecutorSearch;
import dev.osprey.json.CreateExecutorRequest;
import dev.osprey.json.ExecutorJson;
import dev.osprey.json.ExecutorSchemas;
import dev.osprey.json.IdGenerator;
import dev.osprey.json.JsonFields;
import dev.osprey.json.PerformanceJson;
import dev.osprey.json.VenueFees;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * hummingbot-api's executor routes, same paths and shapes (with or without the trailing slash):
 * create, get, search, stop, and the controllers' held positions.
 */
public final class ExecutorRoutes extends JsonRoutes {
  /** The longest {@code reason} a cleared position records. */
  private static final int MAX_REASON_LENGTH = 500;
  private final ExecutorGateway executors;
  private final ControllerGateway controllers;
  private final PositionJson positions;
  private final Clock clock;
  private final IdGenerator ids;
  private final VenueFees fees;
  private final UnaryOperator<String> connectors;

  /**
   * @param connectors the connector that trades for a {@code connector_name} as given (a real
   *     venue without a connector runs on its paper twin), for creates and position lookups alike
   */
  public ExecutorRoutes(
      final ObjectMapper mapper,
      final ExecutorGateway executors,
      final ControllerGateway controllers,
      final PositionJson positions,
      final Clock clock,
      final IdGenerator ids,
      final VenueFees fees,
      final UnaryOperator<String> connectors) {
    super(mapper);
    this.fees = fees;
    this.connectors = connectors;
    this.executors = executors;
    this.controllers = controllers;
    this.positions = positions;
    this.clock = clock;
    this.ids = ids;
  }

  public Route routes() {
    return pathPrefix("executors", () -> concat(
        pathEndOrSingleSlash(() -> post(this::create)),
        pathPrefix("search", () -> pathEndOrSingleSlash(() -> post(this::search))),
        pathPrefix("positions", this::positionRoutes),
        pathPrefix("summary", () -> pathEndOrSingleSlash(() -> get(this::summary))),
        pathPrefix("performance", () -> pathEndOrSingleSlash(() -> get(() ->
            parameterOptional("controller_id", c -> guarded(() -> performance(controllerId(c))))))),
        pathPrefix("types", this::typeRoutes),
        pathPrefix(PathMatchers.segment(), this::executorRoutes)));
  }

  private Route positionRoutes() {
    return concat(
        pathPrefix("summary", () -> pathEndOrSingleSlash(() -> get(() ->
            parameterOptional("controller_id", c -> guarded(() -> positionsSummary(controllerId(c))))))),
        pathPrefix(PathMatchers.segment(), connector -> pathPrefix(PathMatchers.segment(), pair ->
            pathEndOrSingleSlash(() -> parameterOptional("controller_id", c -> concat(
                get(() -> parameterOptional("position_side", side -> guarded(() ->
                    position(connector, pair, c.isEmpty() ? "main" : controllerId(c), side.orElse(null))))),
                delete(() -> parameterOptional("reason", reason -> extractRequest(request ->
                    withJsonBody(body -> guarded(() -> clearPosition(connector, pair,
                        c.isEmpty() ? "main" : controllerId(c), reason.orElse(null), body,
                        Requester.of(request)))))))))))));
  }

  private Route typeRoutes() {
    return concat(
        pathPrefix("available", () -> pathEndOrSingleSlash(() -> get(() ->
            ok(Map.of("executor_types", ExecutorSchemas.available()))))),
        pathPrefix(PathMatchers.segment(), type -> pathPrefix("config", () -> pathEndOrSingleSlash(() -> get(() ->
            ExecutorSchemas.of(type).map(this::ok).orElseGet(() -> error(StatusCodes.NOT_FOUND, "NOT_FOUND",
                "unknown executor type '" + type + "' (one of " + dev.osprey.domain.executor.ExecutorTypes.names() + ")",
                List.of())))))));
  }

  /**
   * A controller id from the query, checked: the sharded entities drop messages for ids they
   * cannot take (an empty one), which would leave the request to time out as a 503.
   */
  private static String controllerId(final java.util.Optional<String> id) {
    return id.map(c -> Ids.require("controller_id", c)).orElse(null);
  }

  /** hummingbot-api's summary: the active executors only. */
  private Route summary() {
    final ExecutorSearch active = new ExecutorSearch(ExecutorSearch.MAX_LIMIT, null, null, null, null, null,
        java.util.Set.of("NOT_STARTED", "RUNNING", "SHUTTING_DOWN"));
    return await(executors.list(active), views -> {
      java.math.BigDecimal pnl = java.math.BigDecimal.ZERO;
      java.math.BigDecimal volume = java.math.BigDecimal.ZERO;
      final Map<String, Integer> byType = new java.util.TreeMap<>();
      final Map<String, Integer> byConnector = new java.util.TreeMap<>();
      final Map<String, Integer> byStatus = new java.util.TreeMap<>();
      for (ExecutorView v : views) {
        pnl = pnl.add(v.report().netPnlQuote().value());
        volume = volume.add(v.report().filledAmountQuote().value());
        byType.merge(v.report().type(), 1, Integer::sum);
        byConnector.merge(v.report().connectorName(), 1, Integer::sum);
        byStatus.merge(v.report().status().name(), 1, Integer::sum);
      }
      final Map<String, Object> m = new LinkedHashMap<>();
      m.put("total_active", views.size());
      m.put("total_pnl_quote", pnl);
      m.put("total_volume_quote", volume);
      m.put("by_type", byType);
      m.put("by_connector", byConnector);
      m.put("by_status", byStatus);
      return ok(m);
    });
  }

  private Route performance(final String controllerId) {
    final ExecutorSearch q = new ExecutorSearch(ExecutorSearch.MAX_LIMIT, null,
        controllerId == null ? null : java.util.Set.of(controllerId), null, null, null, null);
    final java.util.concurrent.CompletionStage<List<String>> controllerIds = controllerId == null
        ? controllers.controllers()
        : java.util.concurrent.CompletableFuture.completedFuture(List.of(controllerId));
    return await(executors.list(q), views -> await(controllerIds.thenCompose(ids -> positions.viewsOf(controllers, ids)),
        holds -> {
          final List<dev.osprey.domain.executor.ExecutorReport> reports = new ArrayList<>();
          for (ExecutorView v : views) {
            reports.add(v.report());
          }
          return ok(PerformanceJson.of(controllerId,
              dev.osprey.domain.report.Performance.of(reports, holds)));
        }));
  }

  private Route executorRoutes(final String id) {
    return concat(
        pathEndOrSingleSlash(() -> get(() ->
            await(executors.get(id), v -> ok(ExecutorJson.detail(v.config(), v.report(), v.heldOrders(), clock.instant(), mapper))))),
        pathPrefix("stop", () -> pathEndOrSingleSlash(() -> post(() -> stop(id)))));
  }

  private Route create() {
    return withJsonBody(body -> await(
        executors.create(CreateExecutorRequest.parse(mapper, body, clock.instant(), ids, fees, connectors)),
        v -> json(StatusCodes.CREATED, ExecutorJson.created(v.report()))));
  }

  private Route stop(final String id) {
    return withJsonBody(body -> {
      final boolean keepPosition = JsonFields.optionalFlag(body, "keep_position");
      return await(executors.stop(id, keepPosition), v -> {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("executor_id", id);
        m.put("status", "stopping");
        m.put("keep_position", keepPosition);
        m.put("executor", ExecutorJson.detail(v.config(), v.report(), v.heldOrders(), clock.instant(), mapper));
        return ok(m);
      });
    });
  }

  private Route search() {
    return withJsonBody(body -> {
      final ExecutorSearch q = parseSearch(body);
      if (q == null) {
        return ok(Map.of("data", List.of(), "pagination",
            Map.of("limit", 0, "has_more", false, "total_count", 0)));
      }
      return await(executors.search(q), page -> {
        final List<Map<String, Object>> data = new ArrayList<>();
        for (ExecutorView v : page.data()) {
          data.add(ExecutorJson.summary(v.report(), clock.instant()));
        }
        final Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("limit", page.limit());
        pagination.put("has_more", page.hasMore());
        pagination.put("next_cursor", page.nextCursor());
        pagination.put("total_count", page.totalCount());
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data);
        m.put("pagination", pagination);
        return ok(m);
      });
    });
  }

  /** The query, or null when it cannot match anything (another account). */
  static ExecutorSearch parseSearch(final JsonNode body) {
    final List<FieldViolation> v = new ArrayList<>();
    int limit = 100;
    final JsonNode l = body.get("limit");
    if (l != null && !l.isNull()) {
      if (!l.canConvertToInt() || !l.isIntegralNumber() || l.asInt() < 1 || l.asInt() > ExecutorSearch.MAX_LIMIT) {
        v.add(new FieldViolation("limit", "must be a whole number from 1 to " + ExecutorSearch.MAX_LIMIT));
      } else {
        limit = l.asInt();
      }
    }
    final JsonNode c = body.get("cursor");
    if (c != null && !c.isNull() && !c.isTextual()) {
      v.add(new FieldViolation("cursor", "must be a string"));
    }
    final Set<String> known = Set.of("limit", "cursor", "account_names", "connector_names", "trading_pairs",
        "executor_types", "status", "controller_ids");
    body.fieldNames().forEachRemaining(f -> {
      if (!known.contains(f)) {
        v.add(new FieldViolation(f, "is not a known field"));
      }
    });
    final Set<String> accounts = strings(body, "account_names", v);
    final Set<String> pairs = new LinkedHashSet<>();
    for (String p : strings(body, "trading_pairs", v)) {
      try {
        pairs.add(TradingPair.parse(p).symbol());
      } catch (IllegalArgumentException e) {
        v.add(new FieldViolation("trading_pairs", e.getMessage()));
      }
    }
    final Set<String> controllerIds = strings(body, "controller_ids", v);
    if (!controllerIds.stream().allMatch(Ids::isValid)) {
      v.add(new FieldViolation("controller_ids", "each id " + Ids.RULE));
    }
    final ExecutorSearch q = new ExecutorSearch(limit,
        c == null || c.isNull() ? null : c.asText(),
        controllerIds,
        strings(body, "connector_names", v),
        pairs,
        strings(body, "executor_types", v),
        strings(body, "status", v));
    if (!v.isEmpty()) {
      throw new FieldViolation.Invalid(v);
    }
    // Osprey has one account per deployment; any other account simply has no executors.
    return accounts.isEmpty() || accounts.contains(ExecutorJson.ACCOUNT) ? q : null;
  }

  /** A string or a list of strings; null/absent is empty. */
  private static Set<String> strings(final JsonNode body, final String field, final List<FieldViolation> v) {
    final JsonNode n = body.get(field);
    final Set<String> out = new LinkedHashSet<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isTextual()) {
      out.add(n.asText());
      return out;
    }
    if (n.isArray()) {
      for (JsonNode e : n) {
        if (!e.isTextual()) {
          v.add(new FieldViolation(field, "must be a list of strings"));
          return out;
        }
        out.add(e.asText());
      }
      return out;
    }
    v.add(new FieldViolation(field, "must be a string or a list of strings"));
    return out;
  }

  private Route positionsSummary(final String controllerId) {
    if (controllerId == null) {
      return await(controllers.controllers(), ids -> await(positions.summaryOf(controllers, ids), this::ok));
    }
    return await(positions.summaryOf(controllers, List.of(controllerId)), this::ok);
  }

  private Route position(final String connector, final String pair, final String controllerId, final String side) {
    return guarded(() -> {
      final TradingPair tp = tradingPair(pair);
      final PositionSide positionSide = positionSide(side);
      final String venue = connectors.apply(connector);
      return await(positions.one(controllers, controllerId, venue, tp, positionSide), p -> p.isPresent()
          ? ok(p.get())
          : error(StatusCodes.NOT_FOUND, "NOT_FOUND",
              "no position for controller " + controllerId + " on " + venue + " " + tp.symbol(), List.of()));
    });
  }

  /**
   * hummingbot-api's clear position: forgets the held position of {@code pair} on {@code
   * connector} (every bucket), recorded on the position book with who asked and why. The reason
   * comes from the query or a JSON body {@code {"reason": …}}, not both; 404 when there is none.
   */
  private Route clearPosition(final String connector, final String pair, final String controllerId,
      final String queryReason, final JsonNode body, final String by) {
    final TradingPair tp = tradingPair(pair);
    final List<FieldViolation> v = new ArrayList<>();
    body.fieldNames().forEachRemaining(f -> {
      if (!"reason".equals(f)) {
        v.add(new FieldViolation(f, "is not a known field (reason)"));
      }
    });
    final JsonNode r = body.get("reason");
    String reason = queryReason;
    if (r != null && !r.isNull()) {
      if (!r.isTextual()) {
        v.add(new FieldViolation("reason", "must be a string"));
      } else if (queryReason != null) {
        v.add(new FieldViolation("reason", "is given twice (query and body): give it once"));
      } else {
        reason = r.asText();
      }
    }
    if (reason != null && reason.length() > MAX_REASON_LENGTH) {
      v.add(new FieldViolation("reason", "must be at most " + MAX_REASON_LENGTH + " characters"));
    }
    if (!v.isEmpty()) {
      throw new FieldViolation.Invalid(v);
    }
    final String venue = connectors.apply(connector);
    final String why = reason;
    return await(controllers.clearPosition(controllerId, venue, tp, by, why), cleared -> {
      final Map<String, Object> m = new LinkedHashMap<>();
      m.put("message", "position cleared for controller " + controllerId + " on " + venue + " " + tp.symbol());
      m.put("connector_name", venue);
      m.put("trading_pair", tp.symbol());
      m.put("controller_id", controllerId);
      m.put("cleared_by", by);
      m.put("reason", why);
      m.put("positions", positions.views(controllerId, cleared));
      return ok(m);
    });
  }

  private static TradingPair tradingPair(final String pair) {
    try {
      return TradingPair.parse(pair);
    } catch (IllegalArgumentException e) {
      throw new FieldViolation.Invalid("trading_pair", e.getMessage());
    }
  }

  private static PositionSide positionSide(final String side) {
    if (side == null) {
      return null;
    }
    try {
      final PositionSide s = PositionSide.valueOf(side.trim().toUpperCase(java.util.Locale.ROOT));
      if (s != PositionSide.FLAT) {
        return s;
      }
    } catch (IllegalArgumentException e) {
      // named below
    }
    throw new FieldViolation.Invalid("position_side", "must be LONG or SHORT, got '" + side + "'");
  }
}
