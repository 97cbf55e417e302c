package dev.osprey.engine.position;

import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.domain.position.PositionMode;
import dev.osprey.engine.CborSerializable;
import dev.osprey.engine.DurableEntity;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.EntityError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;

/**
 * The position book of one {@code controller_id}: the inventory its executors handed over with
 * {@code keep_position}, netted at average cost per (connector, pair), or per (connector, pair,
 * side) on perpetual venues in hedge mode. Each held order is applied once, keyed by its client
 * order id, so a re-sent hand-over changes nothing.
 */
public final class PositionBookEntity
    extends DurableEntity<
        PositionBookEntity.Command, PositionBookEntity.Event, PositionBook> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "PositionBook");

  public interface Command extends CborSerializable {}

  /** An executor hands its held orders over; acknowledged with Done (idempotent). */
  public record HandOver(String executorId, List<HeldOrder> orders, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  /** Replies with the whole book. */
  public record GetBook(ActorRef<PositionBook> replyTo) implements Command {}

  /**
   * Clears the held position of {@code pair} on {@code connector} (every bucket: one way, or both
   * hedge sides), recording who and why; replies with the positions as they were, or NOT_FOUND
   * when the book has none (so a retry after a success persists nothing).
   */
  public record ClearPosition(
      String connectorName, TradingPair tradingPair, String by, String reason,
      ActorRef<StatusReply<Cleared>> replyTo) implements Command {}

  /** The reply to {@link ClearPosition}: the cleared buckets as they were. */
  public record Cleared(List<PositionHold> positions) implements CborSerializable {}

  public interface Event extends CborSerializable {}

  /**
   * Orders applied to the book (only those not applied before). {@code hedgeModeConnectors} are
   * the orders' connectors that net positions in hedge mode at hand-over (a long and a short
   * bucket per pair); the others, and every order of events written before the field existed
   * (null), net one way. Recorded so that replay buckets as the hand-over did, whatever the
   * venues' configuration is by then.
   */
  public record OrdersHandedOver(
      String executorId, List<HeldOrder> orders, Instant at, List<String> hedgeModeConnectors)
      implements Event {

    PositionMode modeOf(final String connector) {
      return hedgeModeConnectors != null && hedgeModeConnectors.contains(connector)
          ? PositionMode.HEDGE
          : PositionMode.ONE_WAY;
    }
  }

  /**
   * A held position was cleared (hummingbot-api's clear position): {@code cleared} are its buckets
   * as they were, {@code by} who asked and {@code reason} why (null when not given). Their order
   * ids stay applied, so a re-sent hand-over cannot bring them back.
   */
  public record PositionCleared(
      String connectorName, TradingPair tradingPair, List<PositionHold> cleared, String by,
      String reason, Instant at) implements Event {}

  public static void init(final ActorSystem<?> system, final EngineContext engine) {
    ClusterSharding.get(system).init(Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId(), engine)));
  }

  public static Behavior<Command> create(final String controllerId, final EngineContext engine) {
    return Behaviors.setup(ctx -> new PositionBookEntity(controllerId, engine));
  }

  private final String controllerId;
  private final EngineContext engine;

  private PositionBookEntity(final String controllerId, final EngineContext engine) {
    super(ENTITY_KEY, controllerId);
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
          final List<HeldOrder> fresh = new ArrayList<>();
          for (HeldOrder o : c.orders()) {
            if (!book.isApplied(o.clientOrderId())) {
              fresh.add(o);
            }
          }
          if (fresh.isEmpty()) {
            return Effect().reply(c.replyTo(), StatusReply.ack());
          }
          return Effect()
              .persist(new OrdersHandedOver(
                  c.executorId(), fresh, engine.clock().instant(), hedgeModeConnectors(fresh)))
              .thenReply(c.replyTo(), x -> StatusReply.ack());
        })
        .onCommand(GetBook.class, (book, c) -> Effect().reply(c.replyTo(), book))
        .onCommand(ClearPosition.class, (book, c) -> {
          final List<PositionHold> held = book.positions(c.connectorName(), c.tradingPair());
          if (held.isEmpty()) {
            return Effect().reply(c.replyTo(), EntityError.reply(EntityError.Kind.NOT_FOUND, "NOT_FOUND",
                "no position for controller " + controllerId + " on " + c.connectorName() + " "
                    + c.tradingPair().symbol()));
          }
          return Effect()
              .persist(new PositionCleared(c.connectorName(), c.tradingPair(), held, c.by(), c.reason(),
                  engine.clock().instant()))
              .thenReply(c.replyTo(), x -> StatusReply.success(new Cleared(held)));
        })
        .build();
  }

  @Override
  public EventHandler<PositionBook, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(OrdersHandedOver.class,
            (book, e) -> book.apply(e.executorId(), e.orders(), e::modeOf))
        .onEvent(PositionCleared.class, (book, e) -> book.clear(e.connectorName(), e.tradingPair()))
        .build();
  }

  /** The connectors of {@code orders} whose venue nets positions in hedge mode now. */
  private List<String> hedgeModeConnectors(final List<HeldOrder> orders) {
    final Set<String> hedge = new TreeSet<>();
    for (HeldOrder o : orders) {
      engine.venues().get(o.connectorName())
          .filter(v -> v.contracts().positionMode() == PositionMode.HEDGE)
          .ifPresent(v -> hedge.add(o.connectorName()));
    }
    return List.copyOf(hedge);
  }
}
