package dev.osprey.engine.venue;

import dev.osprey.engine.CborSerializable;
import dev.osprey.engine.DurableEntity;
import dev.osprey.engine.EntityError;
import java.time.Duration;
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
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * Which executor owns the client order ids of one route key ({@link
 * dev.osprey.domain.order.ClientOrderId#routeKey}): the persisted mapping through which venue
 * events find their executor, anywhere in the cluster. An executor registers its key before its
 * first order leaves; the key is then owned for good (a second executor with the same key, which
 * 112 bits make practically impossible, is refused rather than silently sharing it).
 *
 * <p>Entities leave memory after a quiet while: a route is read once per node and then cached by
 * the {@link OrderEventRouter}.
 */
public final class OrderRouteEntity
    extends DurableEntity<
        OrderRouteEntity.Command, OrderRouteEntity.Event, OrderRouteEntity.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "OrderRoute");
  private static final Duration IDLE = Duration.ofMinutes(2);

  public interface Command extends CborSerializable {}

  /** Makes {@code executorId} the owner of this key (idempotent); refused if another owns it. */
  public record Register(String executorId, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** Replies with the owner, if any. */
  public record Lookup(ActorRef<Owner> replyTo) implements Command {}

  /** The owner of a route key; {@code executorId} is null when nobody registered it. */
  public record Owner(String executorId) implements CborSerializable {}

  private record Idle() implements Command {}

  public interface Event extends CborSerializable {}

  /** {@code executorId} owns the key from now on. */
  public record Registered(String executorId) implements Event {}

  /** The owner, or null before registration. */
  public record State(String executorId) implements CborSerializable {}

  public static void init(final ActorSystem<?> system) {
    ClusterSharding.get(system).init(Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId(), ctx.getShard())));
  }

  static Behavior<Command> create(final String routeKey, final ActorRef<ClusterSharding.ShardCommand> shard) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new OrderRouteEntity(ctx, timers, routeKey, shard)));
  }

  private final ActorContext<Command> ctx;
  private final TimerScheduler<Command> timers;
  private final String routeKey;
  private final ActorRef<ClusterSharding.ShardCommand> shard;

  private OrderRouteEntity(
      final ActorContext<Command> ctx,
      final TimerScheduler<Command> timers,
      final String routeKey,
      final ActorRef<ClusterSharding.ShardCommand> shard) {
    super(ENTITY_KEY, routeKey);
    this.ctx = ctx;
    this.timers = timers;
    this.routeKey = routeKey;
    this.shard = shard;
  }

  @Override
  public State emptyState() {
    return new State(null);
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Register.class, this::onRegister)
        .onCommand(Lookup.class, (s, c) -> Effect().none()
            .thenRun(x -> armIdle())
            .thenReply(c.replyTo(), x -> new Owner(x.executorId())))
        .onCommand(Idle.class, (s, c) -> Effect().none().thenRun(x -> passivate()).thenNoReply())
        .build();
  }

  private ReplyEffect<Event, State> onRegister(final State s, final Register c) {
    if (s.executorId() == null) {
      return Effect().persist(new Registered(c.executorId()))
          .thenRun(x -> armIdle())
          .thenReply(c.replyTo(), x -> StatusReply.ack());
    }
    if (s.executorId().equals(c.executorId())) {
      return Effect().none().thenRun(x -> armIdle()).thenReply(c.replyTo(), x -> StatusReply.ack());
    }
    ctx.getLog().error("route key {} is owned by executor {}; refused to executor {}",
        routeKey, s.executorId(), c.executorId());
    return Effect().reply(c.replyTo(), EntityError.reply(EntityError.Kind.CONFLICT, "ROUTE_KEY_TAKEN",
        "route key " + routeKey + " is owned by another executor"));
  }

  private void armIdle() {
    timers.startSingleTimer("idle", new Idle(), IDLE);
  }

  private void passivate() {
    if (shard != null) {
      shard.tell(new ClusterSharding.Passivate<>(ctx.getSelf()));
    }
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(Registered.class, (s, e) -> new State(e.executorId()))
        .build();
  }
}
