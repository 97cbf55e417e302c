package dev.osprey.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.Executor;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.FeeRates;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.domain.position.PositionView;
import dev.osprey.exchange.paper.MarketConfig;
import dev.osprey.json.ApiJson;
import dev.osprey.json.CreateExecutorRequest;
import dev.osprey.json.ExecutorJson;
import dev.osprey.json.PositionSummaryJson;
import dev.osprey.json.VenueFees;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A whole backtest from texts to report: parses {@code executors.json} (an array of {@code POST
 * /executors} bodies), {@code market.csv}, {@code connectors.json} and {@code actions.csv}, replays
 * on the paper venue ({@link ReplayEngine}), and renders the
 * report: every executor in the {@code GET /executors/{id}} shape, and the positions summary per
 * controller. Executors without an id get {@code bt-1, bt-2, …} in file order; without a
 * timestamp they start at the first row.
 */
public final class Backtest {
  private final ObjectMapper mapper = ApiJson.mapper();

  public String run(final String executorsJson, final String marketCsv, final String connectorsJson)
      throws IOException {
    return run(executorsJson, marketCsv, connectorsJson, null);
  }

  /** As {@link #run(String, String, String)} with the scripted actions of {@code actionsCsv}. */
  public String run(final String executorsJson, final String marketCsv, final String connectorsJson,
      final String actionsCsv) throws IOException {
    final ReplayInputs in = ReplayInputs.parse(mapper, marketCsv, connectorsJson, actionsCsv);
    final List<ExecutorConfig> configs = executors(executorsJson, in);
    final ReplayEngine.Result result =
        new ReplayEngine(Executors.standard(), in.venues()).run(configs, in.rows(), in.actions());
    return render(report(result, in));
  }

  /**
   * The executors of {@code executors.json} (none when it is null), checked against the scripted
   * actions that stop them.
   */
  List<ExecutorConfig> executors(final String executorsJson, final ReplayInputs in) {
    final List<ExecutorConfig> configs = executorsJson == null ? List.of()
        : configs(ReplayInputs.readTree(mapper, executorsJson, "executors.json"), in.rows().get(0).timestamp(),
            in.fees());
    checkStops(in.actions(), configs);
    return configs;
  }

  String render(final Map<String, Object> report) throws JsonProcessingException {
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report);
  }

  /** A scripted stop must name an executor of executors.json: a typo would otherwise do nothing. */
  private static void checkStops(final List<ReplayAction> actions, final List<ExecutorConfig> configs) {
    final Set<String> ids = new HashSet<>();
    configs.forEach(c -> ids.add(c.id()));
    for (ReplayAction a : actions) {
      if (a instanceof ReplayAction.Stop stop && !ids.contains(stop.executorId())) {
        throw new IllegalArgumentException(ActionsCsv.FILE + " line " + a.line()
            + ", executor_id: no executor '" + stop.executorId() + "' in executors.json");
      }
    }
  }

  private List<ExecutorConfig> configs(final JsonNode root, final Instant firstRow, final VenueFees fees) {
    if (!root.isArray()) {
      throw new FieldViolation.Invalid("executors.json", "must be an array of POST /executors bodies");
    }
    final AtomicInteger seq = new AtomicInteger();
    final List<ExecutorConfig> out = new ArrayList<>();
    final Set<String> ids = new HashSet<>();
    final List<FieldViolation> violations = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      final String at = "executors[" + i + "]";
      try {
        final ExecutorConfig c = CreateExecutorRequest.parse(
            mapper, root.get(i), firstRow, () -> "bt-" + seq.incrementAndGet(), fees);
        for (FieldViolation v : c.validate()) {
          violations.add(new FieldViolation(at + ".executor_config." + v.field(), v.rule()));
        }
        if (!ids.add(c.id())) {
          violations.add(new FieldViolation(at + ".executor_config.id", "'" + c.id() + "' is used twice"));
        }
        out.add(c);
      } catch (FieldViolation.Invalid e) {
        for (FieldViolation v : e.violations()) {
          violations.add(new FieldViolation(at + "." + v.field(), v.rule()));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new FieldViolation.Invalid(violations);
    }
    return out;
  }

  /** The report of a replay: its extent, every executor in the API's shape, positions by controller. */
  Map<String, Object> report(final ReplayEngine.Result result, final ReplayInputs in) {
    final int rows = in.rows().size();
    final int actions = in.actions().size();
    final List<Object> executors = new ArrayList<>();
    final Map<String, PositionBook> books = new LinkedHashMap<>();
    for (ReplayEngine.Run run : result.runs()) {
      final Executor ex = run.executor();
      final ExecutorReport r = ex.report(result.viewOf(run.config()), result.end());
      final List<HeldOrder> held = ex.heldOrders();
      executors.add(ExecutorJson.detail(run.config(), r, held, result.end(), mapper));
      if (!held.isEmpty()) {
        final String controller = run.config().controllerId();
        books.put(controller, books.getOrDefault(controller, PositionBook.empty(controller))
            .apply(run.config().id(), held));
      }
    }
    final Map<String, Object> positions = new LinkedHashMap<>();
    for (Map.Entry<String, PositionBook> e : books.entrySet()) {
      final List<PositionView> views = new ArrayList<>();
      for (PositionHold h : e.getValue().holds()) {
        if (!h.isFlat()) {
          final Optional<TopOfBook> top = Optional.ofNullable(
              result.books().get(new ConnectorPair(h.key().connectorName(), h.key().tradingPair())));
          views.add(PositionView.of(h, ExecutorJson.ACCOUNT, e.getKey(), top.map(TopOfBook::mid)));
        }
      }
      positions.put(e.getKey(), PositionSummaryJson.summary(views));
    }
    final Map<String, Object> replay = new LinkedHashMap<>();
    replay.put("rows", rows);
    if (actions > 0) {
      replay.put("actions", actions);
    }
    replay.put("end", result.end());
    replay.put("executors", result.runs().size());
    final Map<String, Object> out = new LinkedHashMap<>();
    out.put("replay", replay);
    out.put("executors", executors);
    out.put("positions", positions);
    return out;
  }
}
