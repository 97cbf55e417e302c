package dev.osprey.engine.risk;

import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.directory.ControllerRegistryEntity;
import dev.osprey.engine.executor.ExecutorProtocol;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.engine.position.PositionBookEntity;
import dev.osprey.engine.risk.RiskProtocol.AuthorizeOrder;
import dev.osprey.engine.risk.RiskProtocol.Entry;
import dev.osprey.engine.risk.RiskProtocol.RequestSpawn;
import dev.osprey.engine.risk.RiskProtocol.Command;
import java.time.Duration;
import java.util.function.BiFunction;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.pattern.StatusReply;

/**
 * What a risk supervisor sends to others (executors, its position book, the registry, the global
 * risk entity), and the answers it gets back as its own commands. Sending never changes state;
 * the entity decides what to persist when the answers arrive.
 */
final class SupervisorOutbox {
  /** An executor answered a create or a stop ({@code replyTo} waits for a create's answer). */
  record SpawnResult(
      String executorId, ExecutorView view, String error, ActorRef<StatusReply<ExecutorView>> replyTo)
      implements Command {}

  record Registered() implements Command {}

  record RegistrationFailed(String error) implements Command {}

  record GlobalFetched(GlobalRiskEntity.State global, String error) implements Command {}

  /** The held positions an order's verdict in REDUCING depends on. */
  record BookForOrder(AuthorizeOrder order, PositionBook book, Throwable error) implements Command {}

  /** The held positions a spawn that may only reduce one depends on. */
  record BookForSpawn(RequestSpawn spawn, PositionBook book, Throwable error) implements Command {}

  private final ActorContext<Command> ctx;
  private final ClusterSharding sharding;
  private final Duration timeout;
  private final String controllerId;

  SupervisorOutbox(final ActorContext<Command> ctx, final EngineContext engine, final String controllerId) {
    this.ctx = ctx;
    this.sharding = ClusterSharding.get(ctx.getSystem());
    this.timeout = engine.settings().askTimeout();
    this.controllerId = controllerId;
  }

  /** Creates an approved executor (idempotent at the executor); the answer comes as a {@link SpawnResult}. */
  void createExecutor(final ExecutorConfig config, final ActorRef<StatusReply<ExecutorView>> replyTo) {
    final var ref = sharding.entityRefFor(ExecutorProtocol.ENTITY_KEY, config.id());
    ctx.askWithStatus(ExecutorView.class, ref, timeout,
        (ActorRef<StatusReply<ExecutorView>> r) -> new ExecutorProtocol.Create(config, r),
        (view, err) -> new SpawnResult(config.id(), view, err == null ? null : err.getMessage(), replyTo));
  }

  /** Stops every open executor, keeping positions while winding down with {@code keep_position}. */
  void stopOpenExecutors(final SupervisorState s) {
    final boolean keepPosition = Boolean.TRUE.equals(s.windDownKeep());
    for (Entry e : s.executors().values()) {
      if (e.open()) {
        final var ref = sharding.entityRefFor(ExecutorProtocol.ENTITY_KEY, e.executorId());
        ctx.askWithStatus(ExecutorView.class, ref, timeout,
            (ActorRef<StatusReply<ExecutorView>> r) -> new ExecutorProtocol.Stop(keepPosition, r),
            (v, err) -> new SpawnResult(e.executorId(), v, null, null));
      }
    }
  }

  /** Tells every open executor that the trading state changed: its held orders may leave, or not. */
  void notifyOpenExecutors(final SupervisorState s) {
    for (Entry e : s.executors().values()) {
      if (e.open()) {
        sharding.entityRefFor(ExecutorProtocol.ENTITY_KEY, e.executorId()).tell(new ExecutorProtocol.RiskStateChanged());
      }
    }
  }

  /** Lists the controller in the registry (so global changes and listings find it). */
  void register() {
    final var ref = sharding.entityRefFor(ControllerRegistryEntity.ENTITY_KEY, ControllerRegistryEntity.SINGLE_ID);
    ctx.askWithStatus(Done.class, ref, timeout,
        (ActorRef<StatusReply<Done>> r) -> new ControllerRegistryEntity.Register(controllerId, r),
        (d, err) -> err == null ? new Registered() : new RegistrationFailed(err.getMessage()));
  }

  /** Asks for the global state, subscribing to its later changes. */
  void fetchGlobal() {
    final var global = sharding.entityRefFor(GlobalRiskEntity.ENTITY_KEY, GlobalRiskEntity.SINGLE_ID);
    ctx.ask(GlobalRiskEntity.State.class, global, timeout,
        (ActorRef<GlobalRiskEntity.State> r) -> new GlobalRiskEntity.Subscribe(controllerId, r),
        (g, err) -> new GlobalFetched(g, err == null ? null : err.getMessage()));
  }

  /** Asks the controller's position book, answering with {@code answer(book, error)}. */
  void askBook(final BiFunction<PositionBook, Throwable, Command> answer) {
    final var book = sharding.entityRefFor(PositionBookEntity.ENTITY_KEY, controllerId);
    ctx.pipeToSelf(book.<PositionBook>ask(PositionBookEntity.GetBook::new, timeout), answer::apply);
  }
}
