package dev.osprey.engine.gateway;

import dev.osprey.domain.FieldViolation;
import dev.osprey.engine.risk.RiskProtocol;
import dev.osprey.engine.executor.ExecutorProtocol;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.EntityError;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.engine.readmodel.ExecutorReadModel;
import dev.osprey.engine.readmodel.ExecutorRow;
import dev.osprey.exchange.ExchangeConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.pattern.StatusReply;

/**
 * {@link ExecutorGateway} over the sharded risk supervisors and executors; searches and lists read
 * the executor read model and ask only executors that are not terminated.
 */
public final class ShardedExecutorGateway implements ExecutorGateway {
  private final ClusterSharding sharding;
  private final EngineContext engine;
  private final Duration timeout;
  private final ControllerGateway controllers;
  private final ExecutorReadModel readModel;

  public ShardedExecutorGateway(
      final ActorSystem<?> system, final EngineContext engine, final ControllerGateway controllers,
      final ExecutorReadModel readModel) {
    this.sharding = ClusterSharding.get(system);
    this.readModel = readModel;
    this.engine = engine;
    this.timeout = engine.settings().askTimeout();
    this.controllers = controllers;
  }

  @Override
  public CompletionStage<ExecutorView> create(final ExecutorConfig config) {
    final List<FieldViolation> violations = new ArrayList<>(prefixed(config.validate()));
    final Optional<ExchangeConnector> venue = engine.venues().get(config.connectorName());
    if (violations.isEmpty()) {
      for (dev.osprey.domain.market.ConnectorPair m : config.markets()) {
        if (engine.venues().get(m.connectorName()).isEmpty()) {
          violations.add(new FieldViolation("executor_config.connector_name",
              "unknown connector '" + m.connectorName() + "' (available: "
                  + String.join(", ", engine.venues().names()) + ")"));
        }
      }
    }
    if (violations.isEmpty() && venue.isPresent()) {
      tradingRuleViolation(config, venue.get()).ifPresent(violations::add);
    }
    if (!violations.isEmpty()) {
      return CompletableFuture.failedFuture(new EntityError(EntityError.Kind.INVALID, "INVALID_CONFIG",
          new FieldViolation.Invalid(violations).getMessage()).toException());
    }
    final Optional<Price> mid = venue.flatMap(v -> v.topOfBook(config.tradingPair())).map(TopOfBook::mid);
    final Optional<QuoteAmount> exposure = config.plannedExposure(mid);
    return sharding.entityRefFor(RiskProtocol.ENTITY_KEY, config.controllerId())
        .<StatusReply<ExecutorView>>ask(
            (ActorRef<StatusReply<ExecutorView>> r) -> new RiskProtocol.RequestSpawn(config, exposure, r),
            timeout.plus(timeout))
        .thenCompose(ShardedExecutorGateway::unwrap)
        .thenCompose(this::recordCreated);
  }

  /**
   * Writes the new executor's row (version 0) so that a search right after the create finds it;
   * the projection's rows replace it. A failed write only delays that until the projection runs.
   */
  private CompletionStage<ExecutorView> recordCreated(final ExecutorView view) {
    return readModel.upsert(ExecutorRow.of(view, 0), view).handle((done, err) -> view);
  }

  /** The amount must be tradable on the venue at all; prices are checked when orders are placed. */
  private static Optional<FieldViolation> tradingRuleViolation(
      final ExecutorConfig config, final ExchangeConnector venue) {
    final Optional<TradingRules> rules = venue.tradingRules(config.tradingPair());
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    final var amount = amountOf(config);
    if (amount != null && amount.compareTo(rules.get().minOrderSize()) < 0) {
      return Optional.of(new FieldViolation("executor_config.amount",
          "must be at least min_order_size " + rules.get().minOrderSize().toPlainString() + " of "
              + venue.name() + " " + config.tradingPair().symbol()));
    }
    return Optional.empty();
  }

  private static java.math.BigDecimal amountOf(final ExecutorConfig config) {
    if (config instanceof dev.osprey.domain.executor.position.PositionExecutorConfig p && p.amount() != null) {
      return p.amount().value();
    }
    if (config instanceof dev.osprey.domain.executor.order.OrderExecutorConfig o && o.amount() != null) {
      return o.amount().value();
    }
    return null;
  }

  private static List<FieldViolation> prefixed(final List<FieldViolation> vs) {
    final List<FieldViolation> out = new ArrayList<>(vs.size());
    for (FieldViolation v : vs) {
      out.add(new FieldViolation("executor_config." + v.field(), v.rule()));
    }
    return out;
  }

  @Override
  public CompletionStage<ExecutorView> get(final String executorId) {
    return sharding.entityRefFor(ExecutorProtocol.ENTITY_KEY, executorId)
        .<StatusReply<ExecutorView>>ask(ExecutorProtocol.Get::new, timeout)
        .thenCompose(ShardedExecutorGateway::unwrap);
  }

  @Override
  public CompletionStage<ExecutorView> stop(final String executorId, final boolean keepPosition) {
    return sharding.entityRefFor(ExecutorProtocol.ENTITY_KEY, executorId)
        .<StatusReply<ExecutorView>>ask(r -> new ExecutorProtocol.Stop(keepPosition, r), timeout)
        .thenCompose(ShardedExecutorGateway::unwrap);
  }

  @Override
  public CompletionStage<SearchResult> search(final ExecutorSearch q) {
    return matching(q).thenCompose(matching -> {
      final List<ExecutorRow> after = SearchFilter.after(matching, q.cursor());
      final List<ExecutorRow> page = after.subList(0, Math.min(q.limit(), after.size()));
      return views(q, page).thenApply(data -> {
        final boolean hasMore = after.size() > page.size();
        final String next = hasMore ? SearchFilter.cursorOf(page.get(page.size() - 1)) : null;
        return new SearchResult(data, q.limit(), hasMore, next, matching.size());
      });
    });
  }

  @Override
  public CompletionStage<List<ExecutorView>> list(final ExecutorSearch q) {
    return matching(q).thenCompose(rows -> views(q, rows));
  }

  /** The read model rows matching the static filters and the coarse status, newest first. */
  private CompletionStage<List<ExecutorRow>> matching(final ExecutorSearch q) {
    final CompletionStage<List<String>> ids = q.controllerIds().isEmpty()
        ? controllers.controllers()
        : CompletableFuture.completedFuture(List.copyOf(q.controllerIds()));
    return ids.thenCompose(readModel::rows).thenApply(rows -> {
      final List<ExecutorRow> out = new ArrayList<>();
      for (ExecutorRow r : rows) {
        if (SearchFilter.matchesStatic(q, r)) {
          out.add(r);
        }
      }
      out.sort(Comparator.comparing(ExecutorRow::createdAt).reversed()
          .thenComparing(ExecutorRow::executorId, Comparator.reverseOrder()));
      return out;
    });
  }

  /**
   * The views of {@code rows}, in order, keeping those whose exact status matches. A terminated
   * executor's view is final and comes from the read model; only executors not terminated as of
   * their row (running, so in memory anyway) are asked, for numbers marked to the market now.
   */
  private CompletionStage<List<ExecutorView>> views(final ExecutorSearch q, final List<ExecutorRow> rows) {
    final List<ExecutorRow> terminated = new ArrayList<>();
    final List<CompletableFuture<ExecutorView>> live = new ArrayList<>();
    for (ExecutorRow r : rows) {
      if (r.open()) {
        live.add(get(r.executorId()).toCompletableFuture());
      } else {
        terminated.add(r);
      }
    }
    final CompletableFuture<List<ExecutorView>> stored = readModel.views(terminated).toCompletableFuture();
    return CompletableFuture.allOf(stored, CompletableFuture.allOf(live.toArray(CompletableFuture[]::new)))
        .thenApply(x -> {
          final List<ExecutorView> out = new ArrayList<>(rows.size());
          int nextStored = 0;
          int nextLive = 0;
          for (ExecutorRow r : rows) {
            final ExecutorView v = r.open() ? live.get(nextLive++).join() : stored.join().get(nextStored++);
            if (SearchFilter.matchesStatus(q, v)) {
              out.add(v);
            }
          }
          return out;
        });
  }

  static CompletionStage<ExecutorView> unwrap(final StatusReply<ExecutorView> reply) {
    if (reply.isSuccess()) {
      return CompletableFuture.completedFuture(reply.getValue());
    }
    return CompletableFuture.failedFuture(EntityError.parse(reply.getError()).toException());
  }
}
