package dev.osprey.engine.directory;

import dev.osprey.engine.CborSerializable;
import dev.osprey.engine.DurableEntity;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;

/**
 * The set of controller ids that ever spawned an executor, so that a search without a controller
 * filter knows which risk supervisors to ask. One entity for the cluster; its writes are rare (once
 * per controller), its reads are cheap.
 */
public final class ControllerRegistryEntity
    extends DurableEntity<
        ControllerRegistryEntity.Command, ControllerRegistryEntity.Event, ControllerRegistryEntity.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "ControllerRegistry");
  public static final String SINGLE_ID = "controllers";

  public interface Command extends CborSerializable {}

  /** Records a controller id (idempotent). */
  public record Register(String controllerId, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** Replies with every known controller id, sorted. */
  public record ListControllers(ActorRef<Controllers> replyTo) implements Command {}

  public record Controllers(List<String> ids) implements CborSerializable {}

  public interface Event extends CborSerializable {}

  public record ControllerAdded(String controllerId) implements Event {}

  public record State(Set<String> ids) implements CborSerializable {}

  public static void init(final ActorSystem<?> system) {
    ClusterSharding.get(system).init(Entity.of(ENTITY_KEY, ctx -> new ControllerRegistryEntity(ctx.getEntityId())));
  }

  private ControllerRegistryEntity(final String id) {
    super(ENTITY_KEY, id, EVERY_100_KEEP_2);
  }

  @Override
  public State emptyState() {
    return new State(Set.of());
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Register.class, (s, c) -> s.ids().contains(c.controllerId())
            ? Effect().reply(c.replyTo(), StatusReply.ack())
            : Effect().persist(new ControllerAdded(c.controllerId())).thenReply(c.replyTo(), x -> StatusReply.ack()))
        .onCommand(ListControllers.class, (s, c) -> Effect().reply(c.replyTo(), new Controllers(List.copyOf(s.ids()))))
        .build();
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(ControllerAdded.class, (s, e) -> {
          final Set<String> next = new TreeSet<>(s.ids());
          next.add(e.controllerId());
          return new State(java.util.Collections.unmodifiableSet(next));
        })
        .build();
  }
}
