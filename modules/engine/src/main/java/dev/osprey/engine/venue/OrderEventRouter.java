package dev.osprey.engine.venue;

import dev.osprey.domain.order.OrderEvent;
import dev.osprey.engine.executor.ExecutorProtocol;
import dev.osprey.exchange.ExchangeConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * One per node: routes every order event of this node's venues to the executor that owns the
 * order, wherever in the cluster it runs.
 *
 * <p>The owner is found through the order's route key ({@link OrderRouteEntity}), never parsed out
 * of the client order id. Owners are cached (a key never changes owner); events that arrive while
 * their key is being looked up wait, in order, so an executor sees its order's events in the order
 * the venue sent them. An event whose key has no owner is logged and dropped: no executor of this
 * cluster sent that order.
 */
public final class OrderEventRouter extends AbstractBehavior<OrderEventRouter.Command> {
  static final int CACHE_SIZE = 100_000;
  private static final Duration LOOKUP_RETRY = Duration.ofSeconds(1);

  /** What the router accepts. Node-local: never serialized. */
  public interface Command extends NoSerializationVerificationNeeded {}

  /** An event of {@code connector}, with this node's view version of it when it came. */
  private record Route(OrderEvent event, String connector, long viewVersion) implements Command {}

  private record Resolved(String routeKey, String executorId, Throwable error) implements Command {}

  private record Retry(String routeKey) implements Command {}

  private enum Stop implements Command { INSTANCE }

  /** The running router of a node; closing it stops the router and its venue subscriptions. */
  public interface Handle extends AutoCloseable {
    @Override
    void close();
  }

  /** Starts the router of this node. */
  public static Handle start(final ActorSystem<?> system, final Venues venues, final Duration askTimeout) {
    final ActorRef<Command> ref = system.systemActorOf(
        Behaviors.setup(ctx -> new OrderEventRouter(ctx, venues, askTimeout)), "order-event-router", Props.empty());
    return () -> ref.tell(Stop.INSTANCE);
  }

  private final ClusterSharding sharding;
  private final Duration askTimeout;
  private final List<ExchangeConnector.Subscription> subscriptions = new ArrayList<>();
  private final Map<String, String> owners = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(final Map.Entry<String, String> eldest) {
      return size() > CACHE_SIZE;
    }
  };
  private final Map<String, List<Route>> waiting = new HashMap<>();

  private OrderEventRouter(final ActorContext<Command> ctx, final Venues venues, final Duration askTimeout) {
    super(ctx);
    this.sharding = ClusterSharding.get(ctx.getSystem());
    this.askTimeout = askTimeout;
    final ActorRef<Command> self = ctx.getSelf();
    for (ExchangeConnector venue : venues.all()) {
      subscriptions.add(venue.subscribeOrderEvents(
          event -> self.tell(new Route(event, venue.name(), venue.viewVersion()))));
    }
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Route.class, this::onRoute)
        .onMessage(Resolved.class, this::onResolved)
        .onMessage(Retry.class, r -> { lookup(r.routeKey()); return this; })
        .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
        .onSignal(PostStop.class, s -> { unsubscribe(); return this; })
        .build();
  }

  private Behavior<Command> onRoute(final Route r) {
    final String key = r.event().clientOrderId().routeKey();
    final String owner = owners.get(key);
    if (owner != null) {
      deliver(owner, r);
      return this;
    }
    final List<Route> queued = waiting.get(key);
    if (queued != null) {
      queued.add(r);
      return this;
    }
    final List<Route> first = new ArrayList<>();
    first.add(r);
    waiting.put(key, first);
    lookup(key);
    return this;
  }

  private void lookup(final String key) {
    getContext().ask(OrderRouteEntity.Owner.class,
        sharding.entityRefFor(OrderRouteEntity.ENTITY_KEY, key),
        askTimeout,
        OrderRouteEntity.Lookup::new,
        (owner, error) -> new Resolved(key, owner == null ? null : owner.executorId(), error));
  }

  private Behavior<Command> onResolved(final Resolved r) {
    if (r.error() != null) {
      getContext().getLog().warn("route key {}: owner lookup failed ({}); retrying", r.routeKey(), r.error().getMessage());
      getContext().scheduleOnce(LOOKUP_RETRY, getContext().getSelf(), new Retry(r.routeKey()));
      return this;
    }
    final List<Route> queued = waiting.remove(r.routeKey());
    if (r.executorId() == null) {
      getContext().getLog().warn("route key {}: no executor owns it; dropped {} order event(s) for {}",
          r.routeKey(), queued == null ? 0 : queued.size(),
          queued == null || queued.isEmpty() ? "?" : queued.get(0).event().clientOrderId());
      return this;
    }
    owners.put(r.routeKey(), r.executorId());
    if (queued != null) {
      for (Route e : queued) {
        deliver(r.executorId(), e);
      }
    }
    return this;
  }

  private void deliver(final String executorId, final Route r) {
    sharding.entityRefFor(ExecutorProtocol.ENTITY_KEY, executorId)
        .tell(new ExecutorProtocol.VenueReport(r.event(), r.connector(), r.viewVersion()));
  }

  private void unsubscribe() {
    for (ExchangeConnector.Subscription s : subscriptions) {
      s.close();
    }
    subscriptions.clear();
  }
}
