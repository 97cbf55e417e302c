package dev.osprey.engine.risk;

import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.CborSerializable;
import dev.osprey.engine.DurableEntity;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.directory.ControllerRegistryEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The trading state above every controller's, and the global kill switch. One entity for the
 * cluster. A change is persisted with a version, then pushed to the risk supervisor of every known
 * controller until each acknowledges it (supervisors apply a version once); every controller obeys
 * the stricter of its own state and this one. The kill switch stops every executor of every
 * controller (closing positions at market unless {@code keep_position}) and leaves the global
 * state {@code HALTED}.
 */
public final class GlobalRiskEntity
    extends DurableEntity<
        GlobalRiskEntity.Command, GlobalRiskEntity.Event, GlobalRiskEntity.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "GlobalRisk");
  public static final String SINGLE_ID = "global";

  public interface Command extends CborSerializable {}

  /** Sets the global trading state; replies with the state. */
  public record SetState(TradingState state, String reason, ActorRef<StatusReply<State>> replyTo)
      implements Command {}

  /** Trips the global kill switch; replies with the state. */
  public record KillSwitch(boolean keepPosition, String reason, ActorRef<StatusReply<State>> replyTo)
      implements Command {}

  /** Replies with the state. */
  public record Get(ActorRef<State> replyTo) implements Command {}

  /**
   * A controller's supervisor asks for the state and to hear of every later change (even before
   * the controller is in the registry, which lists it only once an executor runs).
   */
  public record Subscribe(String controllerId, ActorRef<State> replyTo) implements Command {}

  private record Propagate() implements Command {}

  private record ControllersListed(List<String> ids, String error) implements Command {}

  private record Acknowledged(String controllerId, long version) implements Command {}

  /** The wait for acknowledgements of {@code version} is over: reply to whoever still waits. */
  private record ReplyDeadline(long version) implements Command {}

  public interface Event extends CborSerializable {}

  /** {@code controllerId} hears of every change from now on. */
  public record Subscribed(String controllerId) implements Event {}

  /** The global state changed; with {@code stopExecutors}, the kill switch was tripped. */
  public record GlobalStateChanged(
      long version, TradingState state, String reason, boolean stopExecutors, boolean keepPosition, Instant at)
      implements Event {}

  /**
   * The global state. {@code version} counts changes; {@code stopExecutors} and {@code
   * keepPosition} belong to the latest change (a kill switch); {@code pending} are the controllers
   * that have not acknowledged it yet (not persisted: recomputed after a restart).
   */
  public record State(
      long version,
      TradingState state,
      String reason,
      boolean stopExecutors,
      boolean keepPosition,
      Instant at,
      Set<String> pending,
      Set<String> subscribers)
      implements CborSerializable {
    static State initial() {
      return new State(0, TradingState.ACTIVE, null, false, false, null, Set.of(), Set.of());
    }

    public State {
      pending = pending == null ? Set.of() : Set.copyOf(pending);
      subscribers = subscribers == null ? Set.of() : Set.copyOf(subscribers);
    }

    State withPending(final Set<String> next) {
      return new State(version, state, reason, stopExecutors, keepPosition, at, next, subscribers);
    }

    State subscribed(final String controllerId) {
      final Set<String> next = new java.util.TreeSet<>(subscribers);
      next.add(controllerId);
      return new State(version, state, reason, stopExecutors, keepPosition, at, pending, next);
    }
  }

  public static void init(final ActorSystem<?> system, final EngineContext engine) {
    ClusterSharding.get(system).init(Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId(), engine)));
  }

  static Behavior<Command> create(final String id, final EngineContext engine) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new GlobalRiskEntity(ctx, timers, id, engine)));
  }

  private final ActorContext<Command> ctx;
  private final TimerScheduler<Command> timers;
  private final EngineContext engine;
  // Controllers that acknowledged the current version, and those still to (in memory: a restart
  // re-sends to all, and supervisors apply a version once).
  private final Set<String> acknowledged = new LinkedHashSet<>();
  private final Set<String> pending = new LinkedHashSet<>();
  // Whoever changed the state waits until every controller applied it (or a deadline passes), so a
  // create right after "ACTIVE" is answered under ACTIVE: the reply names the controllers still
  // pending, if any.
  private final List<ActorRef<StatusReply<State>>> waiting = new ArrayList<>();
  private boolean listedSinceChange;

  private GlobalRiskEntity(
      final ActorContext<Command> ctx, final TimerScheduler<Command> timers, final String id,
      final EngineContext engine) {
    super(ENTITY_KEY, id, EVERY_100_KEEP_2);
    this.ctx = ctx;
    this.timers = timers;
    this.engine = engine;
  }

  @Override
  public State emptyState() {
    return State.initial();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(SetState.class, (s, c) -> change(s, c.state(), c.reason(), false, false, c.replyTo()))
        .onCommand(KillSwitch.class, (s, c) ->
            change(s, TradingState.HALTED, c.reason() == null ? "kill switch" : c.reason(), true, c.keepPosition(),
                c.replyTo()))
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), s.withPending(pending)))
        .onCommand(Subscribe.class, (s, c) -> s.subscribers().contains(c.controllerId())
            ? Effect().reply(c.replyTo(), s.withPending(pending))
            : Effect().persist(new Subscribed(c.controllerId()))
                .thenReply(c.replyTo(), next -> next.withPending(pending)))
        .onCommand(Propagate.class, (s, c) -> {
          listControllers();
          return Effect().noReply();
        })
        .onCommand(ControllersListed.class, (s, c) -> {
          if (c.error() != null) {
            ctx.getLog().warn("global risk: listing controllers failed ({}); retrying", c.error());
            return Effect().noReply();
          }
          pending.clear();
          pending.addAll(c.ids());
          pending.addAll(s.subscribers());
          pending.removeAll(acknowledged);
          listedSinceChange = true;
          if (pending.isEmpty()) {
            timers.cancel("propagate");
            replyToWaiting(s);
          } else {
            push(s);
          }
          return Effect().noReply();
        })
        .onCommand(Acknowledged.class, (s, c) -> {
          if (c.version() == s.version()) {
            acknowledged.add(c.controllerId());
            pending.remove(c.controllerId());
            if (pending.isEmpty() && listedSinceChange) {
              replyToWaiting(s);
            }
          }
          return Effect().noReply();
        })
        .onCommand(ReplyDeadline.class, (s, c) -> {
          if (c.version() == s.version()) {
            replyToWaiting(s);
          }
          return Effect().noReply();
        })
        .build();
  }

  private ReplyEffect<Event, State> change(
      final State s, final TradingState state, final String reason, final boolean stop, final boolean keep,
      final ActorRef<StatusReply<State>> replyTo) {
    final GlobalStateChanged e =
        new GlobalStateChanged(s.version() + 1, state, reason, stop, keep, engine.clock().instant());
    return Effect().persist(e)
        .thenRun(next -> {
          // Waiters of an earlier version hear the newer state: it supersedes what they set.
          waiting.add(replyTo);
          timers.startSingleTimer("reply-deadline", new ReplyDeadline(next.version()),
              engine.settings().askTimeout().dividedBy(2));
          startPropagation();
        })
        .thenNoReply();
  }

  private void replyToWaiting(final State s) {
    timers.cancel("reply-deadline");
    final State answer = s.withPending(pending);
    waiting.forEach(w -> w.tell(StatusReply.success(answer)));
    waiting.clear();
  }

  /**
   * Pushes the current version to every controller, listing them again on a timer (so one that
   * appears meanwhile hears of it too) until all have acknowledged.
   */
  private void startPropagation() {
    acknowledged.clear();
    listedSinceChange = false;
    timers.startTimerWithFixedDelay("propagate", new Propagate(), engine.settings().notifyRetryInterval());
    listControllers();
  }

  private void push(final State s) {
    final ClusterSharding sharding = ClusterSharding.get(ctx.getSystem());
    final long version = s.version();
    for (String id : pending) {
      ctx.askWithStatus(Done.class, sharding.entityRefFor(RiskProtocol.ENTITY_KEY, id),
          engine.settings().askTimeout(),
          (ActorRef<StatusReply<Done>> r) -> new RiskProtocol.GlobalStateUpdate(
              version, s.state(), s.reason(), s.stopExecutors(), s.keepPosition(), r),
          (done, err) -> err == null ? new Acknowledged(id, version) : new Acknowledged(id, -1));
    }
  }

  private void listControllers() {
    final var registry = ClusterSharding.get(ctx.getSystem())
        .entityRefFor(ControllerRegistryEntity.ENTITY_KEY, ControllerRegistryEntity.SINGLE_ID);
    ctx.ask(ControllerRegistryEntity.Controllers.class, registry, engine.settings().askTimeout(),
        ControllerRegistryEntity.ListControllers::new,
        (list, err) -> err == null ? new ControllersListed(list.ids(), null) : new ControllersListed(List.of(), err.getMessage()));
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), s -> {
          if (s.version() > 0) {
            // Whoever missed the latest change before the restart hears of it now (applied once).
            startPropagation();
          }
        })
        .build();
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(GlobalStateChanged.class, (s, e) -> new State(e.version(), e.state(), e.reason(), e.stopExecutors(),
            e.keepPosition(), e.at(), Set.of(), s.subscribers()))
        .onEvent(Subscribed.class, (s, e) -> s.subscribed(e.controllerId()))
        .build();
  }
}
