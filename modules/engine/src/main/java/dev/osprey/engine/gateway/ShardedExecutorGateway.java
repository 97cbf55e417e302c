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

/** {@link ExecutorGateway} over the sharded risk supervisors and executors. */
public final class ShardedExecutorGateway implements ExecutorGateway {
  private final ClusterSharding sharding;
  private final EngineContext engine;
  private final Duration timeout;
  private final ControllerGateway controllers;

  public ShardedExecutorGateway(
      final ActorSystem<?> system, final EngineContext engine, final ControllerGateway controllers) {
    this.sharding = ClusterSharding.get(system);
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
        .thenCompose(ShardedExecutorGateway::unwrap);
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
    return controllerIds(q).thenCompose(this::directories).thenCompose(entries -> page(q, entries));
  }

  private CompletionStage<List<String>> controllerIds(final ExecutorSearch q) {
    return q.controllerIds().isEmpty()
        ? controllers.controllers()
        : CompletableFuture.completedFuture(List.copyOf(q.controllerIds()));
  }

  private CompletionStage<List<RiskProtocol.Entry>> directories(final List<String> controllerIds) {
    final List<CompletableFuture<RiskProtocol.Directory>> asks = new ArrayList<>();
    for (String id : controllerIds) {
      asks.add(sharding.entityRefFor(RiskProtocol.ENTITY_KEY, id)
          .<RiskProtocol.Directory>ask(RiskProtocol.ListExecutors::new, timeout)
          .toCompletableFuture());
    }
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).thenApply(x -> {
      final List<RiskProtocol.Entry> all = new ArrayList<>();
      for (CompletableFuture<RiskProtocol.Directory> a : asks) {
        all.addAll(a.join().entries());
      }
      return all;
    });
  }

  @Override
  public CompletionStage<List<ExecutorView>> list(final ExecutorSearch q) {
    return controllerIds(q).thenCompose(this::directories).thenCompose(entries -> views(q, sorted(q, entries)));
  }

  /** The live views of {@code entries}, in order, keeping those whose exact status matches. */
  private CompletableFuture<List<ExecutorView>> views(
      final ExecutorSearch q, final List<RiskProtocol.Entry> entries) {
    final List<CompletableFuture<ExecutorView>> views = new ArrayList<>(entries.size());
    for (RiskProtocol.Entry e : entries) {
      views.add(get(e.executorId()).toCompletableFuture());
    }
    return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(x -> {
      final List<ExecutorView> out = new ArrayList<>(views.size());
      for (CompletableFuture<ExecutorView> v : views) {
        if (SearchFilter.matchesStatus(q, v.join())) {
          out.add(v.join());
        }
      }
      return out;
    });
  }

  private static List<RiskProtocol.Entry> sorted(
      final ExecutorSearch q, final List<RiskProtocol.Entry> entries) {
    final List<RiskProtocol.Entry> matching = new ArrayList<>();
    for (RiskProtocol.Entry e : entries) {
      if (SearchFilter.matchesStatic(q, e)) {
        matching.add(e);
      }
    }
    matching.sort(Comparator.comparing(RiskProtocol.Entry::createdAt).reversed()
        .thenComparing(RiskProtocol.Entry::executorId, Comparator.reverseOrder()));
    return matching;
  }

  private CompletionStage<SearchResult> page(
      final ExecutorSearch q, final List<RiskProtocol.Entry> entries) {
    final List<RiskProtocol.Entry> matching = sorted(q, entries);
    final List<RiskProtocol.Entry> after = SearchFilter.after(matching, q.cursor());
    final List<RiskProtocol.Entry> page = after.subList(0, Math.min(q.limit(), after.size()));
    return views(q, page).thenApply(data -> {
      final boolean hasMore = after.size() > page.size();
      final String next = hasMore ? SearchFilter.cursorOf(page.get(page.size() - 1)) : null;
      return new SearchResult(data, q.limit(), hasMore, next, matching.size());
    });
  }

  static CompletionStage<ExecutorView> unwrap(final StatusReply<ExecutorView> reply) {
    if (reply.isSuccess()) {
      return CompletableFuture.completedFuture(reply.getValue());
    }
    return CompletableFuture.failedFuture(EntityError.parse(reply.getError()).toException());
  }
}
