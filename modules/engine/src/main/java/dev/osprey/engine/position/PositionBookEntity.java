package dev.osprey.engine.position;

import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionMode;
import dev.osprey.engine.CborSerializable;
import dev.osprey.engine.EngineContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;

/**
 * The position book of one {@code controller_id}: the inventory its executors handed over with
 * {@code keep_position}, netted at average cost per (connector, pair). Each held order is applied
 * once, keyed by its client order id, so a re-sent hand-over changes nothing.
 */
public final class PositionBookEntity
    extends EventSourcedBehaviorWithEnforcedReplies<
        PositionBookEntity.Command, PositionBookEntity.Event, PositionBook> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "PositionBook");

  public interface Command extends CborSerializable {}

  /** An executor hands its held orders over; acknowledged with Done (idempotent). */
  public record HandOver(String executorId, List<HeldOrder> orders, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  /** Replies with the whole book. */
  public record GetBook(ActorRef<PositionBook> replyTo) implements Command {}

  public interface Event extends CborSerializable {}

  /** Orders applied to the book (only those not applied before). */
  public record OrdersHandedOver(String executorId, List<HeldOrder> orders, Instant at) implements Event {}

  public static void init(final ActorSystem<?> system, final EngineContext engine) {
    ClusterSharding.get(system).init(Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId(), engine)));
  }

  public static Behavior<Command> create(final String controllerId, final EngineContext engine) {
    return Behaviors.setup(ctx -> new PositionBookEntity(controllerId, engine));
  }

  private final String controllerId;
  private final EngineContext engine;

  private PositionBookEntity(final String controllerId, final EngineContext engine) {
    super(PersistenceId.of(ENTITY_KEY.name(), controllerId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.controllerId = controllerId;
    this.engine = engine;
  }

  @Override
  public PositionBook emptyState() {
    return PositionBook.empty(controllerId);
  }

  @Override
  public CommandHandlerWithReply<Command, Event, PositionBook> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(HandOver.class, (book, c) -> {
          final List<HeldOrder> fresh = new java.util.ArrayList<>();
          for (HeldOrder o : c.orders()) {
            if (!book.isApplied(o.clientOrderId())) {
              fresh.add(o);
            }
          }
          if (fresh.isEmpty()) {
            return Effect().reply(c.replyTo(), StatusReply.ack());
          }
          return Effect()
              .persist(new OrdersHandedOver(c.executorId(), fresh, engine.clock().instant()))
              .thenReply(c.replyTo(), x -> StatusReply.ack());
        })
        .onCommand(GetBook.class, (book, c) -> Effect().reply(c.replyTo(), book))
        .build();
  }

  @Override
  public EventHandler<PositionBook, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(OrdersHandedOver.class,
            (book, e) -> book.apply(e.executorId(), e.orders(), PositionMode.ONE_WAY))
        .build();
  }
}
