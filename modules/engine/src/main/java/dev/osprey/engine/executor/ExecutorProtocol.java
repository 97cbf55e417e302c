package dev.osprey.engine.executor;

import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.engine.CborSerializable;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;

/**
 * What others may send an executor entity ({@link ExecutorEntity}); kept apart from the entity so
 * that its senders (the risk supervisor, the venue router, gateways) need not see the entity and
 * the entity need not see them.
 */
public final class ExecutorProtocol {
  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Executor");

  private ExecutorProtocol() {}

  /** Everything an executor entity accepts. */
  public interface Command extends CborSerializable {}

  /** Creates the executor (idempotent for the same id); replies with its view. */
  public record Create(ExecutorConfig config, ActorRef<StatusReply<ExecutorView>> replyTo)
      implements Command {}

  /** Replies with the current view, or an error if no executor has this id. */
  public record Get(ActorRef<StatusReply<ExecutorView>> replyTo) implements Command {}

  /** Stops it early, keeping or closing its position; replies with the view after the request. */
  public record Stop(boolean keepPosition, ActorRef<StatusReply<ExecutorView>> replyTo)
      implements Command {}

  /**
   * A venue report about one of its orders (routed by client order id), with the delivering node's
   * {@link dev.osprey.exchange.ExchangeConnector#viewVersion} of {@code connector} (0 and null when
   * the venue has none, or the report was made here).
   */
  public record VenueReport(OrderEvent event, String connector, long viewVersion) implements Command {
    public VenueReport(final OrderEvent event) {
      this(event, null, 0);
    }
  }

  /** Its controller's trading state changed: orders held back by risk may leave now, or not. */
  public record RiskStateChanged() implements Command {}
}
