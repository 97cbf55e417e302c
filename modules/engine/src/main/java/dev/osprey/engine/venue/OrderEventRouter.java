package dev.osprey.engine.venue;

import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.engine.executor.ExecutorEntity;
import dev.osprey.exchange.ExchangeConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * Routes every venue order event to the executor that owns the order, wherever in the cluster it
 * runs: the owner is the executor id in the client order id ({@code <executor id>-<n>}).
 */
public final class OrderEventRouter implements AutoCloseable {
  private final List<ExchangeConnector.Subscription> subscriptions = new ArrayList<>();

  public OrderEventRouter(final ActorSystem<?> system, final Venues venues) {
    final ClusterSharding sharding = ClusterSharding.get(system);
    for (ExchangeConnector venue : venues.all()) {
      subscriptions.add(venue.subscribeOrderEvents(event ->
          ownerOf(event.clientOrderId()).ifPresent(owner ->
              sharding.entityRefFor(ExecutorEntity.ENTITY_KEY, owner)
                  .tell(new ExecutorEntity.VenueReport(event)))));
    }
  }

  /** The executor id of a client order id made by {@link ClientOrderId#forExecutor}. */
  public static Optional<String> ownerOf(final ClientOrderId id) {
    final String v = id.value();
    final int dash = v.lastIndexOf('-');
    return dash <= 0 ? Optional.empty() : Optional.of(v.substring(0, dash));
  }

  @Override
  public void close() {
    for (ExchangeConnector.Subscription s : subscriptions) {
      s.close();
    }
    subscriptions.clear();
  }
}
