package dev.osprey.engine.executor;

import dev.osprey.domain.executor.Executor;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.TrackedOrder;
import dev.osprey.engine.executor.ExecutorEntity.CheckCancel;
import dev.osprey.engine.executor.ExecutorEntity.OrderVerdictReceived;
import dev.osprey.engine.executor.ExecutorEntity.PlaceUnconfirmed;
import dev.osprey.engine.executor.ExecutorEntity.Reconciled;
import dev.osprey.engine.executor.ExecutorEntity.RetryHeldOrders;
import dev.osprey.engine.executor.ExecutorEntity.RetryRoute;
import dev.osprey.engine.executor.ExecutorEntity.RouteFailed;
import dev.osprey.engine.executor.ExecutorEntity.RouteRegistered;
import dev.osprey.engine.executor.ExecutorProtocol.VenueReport;
import dev.osprey.engine.risk.RiskProtocol;
import dev.osprey.engine.venue.OrderRouteEntity;
import dev.osprey.exchange.VenueOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.pattern.StatusReply;

/**
 * Takes the orders of one executor entity, once they are in its journal, to their venue: the
 * route key is registered first (venue reports find the executor through it), then the risk
 * supervisor lets each order out or holds it back, then the venue gets it. After a crash, or
 * when a placement is not confirmed, it asks the venue what it knows instead of sending again.
 *
 * <p>Its state lives for one incarnation of the entity only: which orders wait for the route or
 * for a verdict, and which ones risk held back. None of those has reached the venue, so a
 * restart loses nothing: recovery looks every live order up.
 */
final class OrderSender {
  /** Pause before a failed route registration or venue lookup is tried again. */
  static final Duration RETRY = Duration.ofSeconds(1);

  private final EntityContext entity;

  // No order leaves before this incarnation has seen the route key registered (once per
  // incarnation: registering is idempotent).
  private boolean routeRegistered;
  private boolean registeringRoute;
  private final List<ClientOrderId> awaitingRoute = new ArrayList<>();
  // Orders waiting for the risk supervisor's verdict, and those it held back (asked again on a
  // state change or after the wait it gave).
  private final Set<ClientOrderId> authorizing = new HashSet<>();
  private final Set<ClientOrderId> heldByRisk = new LinkedHashSet<>();

  OrderSender(final EntityContext entity) {
    this.entity = entity;
  }

  /** Sends an order that is in the journal: once its route is registered and risk lets it out. */
  void place(final TrackedOrder order, final Executor ex) {
    if (!routeRegistered) {
      awaitingRoute.add(order.id());
      registerRoute();
      return;
    }
    authorize(order, ex);
  }

  /**
   * Cancels an order at its venue; one that never left (waiting for its route or held back by
   * risk) is cancelled here. One whose verdict is on its way is settled when the verdict comes.
   */
  void cancel(final ClientOrderId id, final Executor ex) {
    if (awaitingRoute.remove(id) | heldByRisk.remove(id)) {
      entity.ctx().getSelf().tell(new VenueReport(new OrderEvent.Cancelled(id, entity.engine().clock().instant())));
    } else if (!authorizing.contains(id)) {
      ex.orders().get(id).ifPresent(this::sendCancel);
    }
  }

  /**
   * Sends a cancel to the venue and checks on it later: a cancel can be lost (the venue moving to
   * another node, a connection dropping) and nothing else would send it again while no quote or
   * report comes.
   */
  private void sendCancel(final TrackedOrder order) {
    entity.venues().cancel(order);
    entity.timers().startSingleTimer("cancel-" + order.id(), new CheckCancel(order.id()),
        entity.engine().settings().notifyRetryInterval());
  }

  /** A cancel still unconfirmed: ask the venue, which sends it again while the order is open there. */
  void checkCancel(final ClientOrderId id, final Executor ex) {
    ex.orders().get(id).filter(o -> o.status() == OrderStatus.CANCEL_REQUESTED).ifPresent(this::lookup);
  }

  /** Asks the venue what it knows about {@code order}; the answer comes back as {@link Reconciled}. */
  void lookup(final TrackedOrder order) {
    final ClientOrderId id = order.id();
    entity.venues().lookup(order, (venueOrder, error) -> entity.ctx().getSelf().tell(new Reconciled(id, venueOrder, error)));
  }

  /**
   * The venue reports that follow from what it knows about an order that may be live; sends the
   * order when the venue never received it, and asks again when the lookup failed.
   */
  List<OrderEvent> reconciled(final Reconciled c, final Executor ex) {
    final Optional<TrackedOrder> known = ex.orders().get(c.clientOrderId());
    if (known.isEmpty() || known.get().isDone()) {
      return List.of();
    }
    if (c.error() != null) {
      entity.ctx().getLog().warn("executor {}: venue lookup of {} failed: {}; retrying",
          entity.executorId(), c.clientOrderId(), c.error());
      entity.ctx().scheduleOnce(RETRY, entity.ctx().getSelf(), new PlaceUnconfirmed(c.clientOrderId(), c.error()));
      return List.of();
    }
    final TrackedOrder order = known.get();
    if (c.venueOrder().isEmpty()) {
      if (order.status() == OrderStatus.SUBMITTED) {
        // The venue never received it: sending it now is the first send, not a second one.
        entity.ctx().getLog().info("executor {}: venue does not know {}; sending it", entity.executorId(), order.id());
        place(order, ex);
        return List.of();
      }
      // The venue had it and lost it (a paper venue restarted): it is no longer on any book.
      entity.ctx().getLog().warn("executor {}: venue lost live order {}; treating it as cancelled", entity.executorId(), order.id());
      return List.of(new OrderEvent.Cancelled(order.id(), entity.engine().clock().instant()));
    }
    final VenueOrder vo = c.venueOrder().get();
    if (order.status() == OrderStatus.CANCEL_REQUESTED && vo.state() == VenueOrder.State.OPEN) {
      sendCancel(order);
    }
    return vo.asEvents();
  }

  /**
   * Acts on the risk supervisor's verdict: the venue gets an allowed order; a held one is asked
   * about again later. Returns whether the order was cancelled while the verdict was on its way
   * (it never left, so the entity records it cancelled).
   */
  boolean verdict(final OrderVerdictReceived c, final Executor ex) {
    authorizing.remove(c.clientOrderId());
    final Optional<TrackedOrder> order = ex.orders().get(c.clientOrderId());
    if (order.isEmpty() || order.get().status() != OrderStatus.SUBMITTED) {
      heldByRisk.remove(c.clientOrderId());
      return order.isPresent() && order.get().status() == OrderStatus.CANCEL_REQUESTED;
    }
    if (c.verdict() != null && c.verdict().allowed()) {
      heldByRisk.remove(c.clientOrderId());
      entity.venues().place(order.get(), ex.config().venueLeverage(), (id, error) -> entity.ctx().getSelf().tell(new PlaceUnconfirmed(id, error)));
      return false;
    }
    // Held back (or no answer: risk is never fail-open). Asked again when the state changes, or
    // after the wait the supervisor gave, or on the retry interval as a safety net.
    final String why = c.verdict() != null ? c.verdict().reasonCode() + ": " + c.verdict().message() : c.error();
    if (heldByRisk.add(c.clientOrderId())) {
      entity.ctx().getLog().info("executor {}: order {} held back by risk ({})", entity.executorId(), c.clientOrderId(), why);
    }
    final long waitMs = c.verdict() != null ? c.verdict().retryAfterMs() : 0;
    entity.timers().startSingleTimer("risk-retry", new RetryHeldOrders(),
        waitMs > 0 ? Duration.ofMillis(waitMs) : entity.engine().settings().notifyRetryInterval());
    return false;
  }

  /** Asks the risk supervisor again about every order it held back. */
  void retryHeldOrders(final Executor ex) {
    for (ClientOrderId id : List.copyOf(heldByRisk)) {
      ex.orders().get(id).ifPresent(o -> authorize(o, ex));
    }
  }

  void registerRoute() {
    if (registeringRoute) {
      return;
    }
    registeringRoute = true;
    final var route = ClusterSharding.get(entity.ctx().getSystem())
        .entityRefFor(OrderRouteEntity.ENTITY_KEY, ClientOrderId.routeKeyOf(entity.executorId()));
    entity.ctx().askWithStatus(Done.class, route, entity.engine().settings().askTimeout(),
        (ActorRef<StatusReply<Done>> replyTo) -> new OrderRouteEntity.Register(entity.executorId(), replyTo),
        (done, err) -> err == null ? new RouteRegistered() : new RouteFailed(err.getMessage()));
  }

  /** Sends the orders that waited for the route (a cancelled one was already taken out). */
  void routeRegistered(final Executor ex) {
    registeringRoute = false;
    routeRegistered = true;
    for (ClientOrderId id : awaitingRoute) {
      ex.orders().get(id)
          .filter(o -> o.status() == OrderStatus.SUBMITTED)
          .ifPresent(o -> place(o, ex));
    }
    awaitingRoute.clear();
  }

  void routeFailed(final String error) {
    registeringRoute = false;
    entity.ctx().getLog().warn("executor {}: registering its route key failed ({}); retrying", entity.executorId(), error);
    entity.timers().startSingleTimer("route", new RetryRoute(), RETRY);
  }

  private void authorize(final TrackedOrder order, final Executor ex) {
    final ClientOrderId id = order.id();
    if (!authorizing.add(id)) {
      return;
    }
    final BigDecimal net = netBase(ex, order.request());
    final var risk = ClusterSharding.get(entity.ctx().getSystem())
        .entityRefFor(RiskProtocol.ENTITY_KEY, ex.config().controllerId());
    entity.ctx().ask(RiskProtocol.OrderVerdict.class, risk, entity.engine().settings().askTimeout(),
        (ActorRef<RiskProtocol.OrderVerdict> replyTo) ->
            new RiskProtocol.AuthorizeOrder(entity.executorId(), order.request(), net, replyTo),
        (verdict, err) -> new OrderVerdictReceived(id, verdict, err == null ? null : err.getMessage()));
  }

  /** The executor's filled inventory on the order's market (bought minus sold, in base). */
  private static BigDecimal netBase(final Executor ex, final OrderRequest request) {
    BigDecimal net = BigDecimal.ZERO;
    for (TrackedOrder o : ex.orders().all()) {
      final var r = o.request();
      if (r.connectorName().equals(request.connectorName()) && r.tradingPair().equals(request.tradingPair())) {
        final BigDecimal base = o.executedBase().value();
        net = o.side() == Side.BUY ? net.add(base) : net.subtract(base);
      }
    }
    return net;
  }
}
