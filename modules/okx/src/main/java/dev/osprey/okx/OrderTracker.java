package dev.osprey.okx;

import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the connector knows of each order by client order id, and the one place that turns what OKX
 * says (op answers, {@code orders} pushes, REST snapshots) into {@link OrderEvent}s. Pure and
 * single-threaded: the connector calls it from its own thread only.
 *
 * <p>Rules, whatever order OKX's messages arrive in and however often:
 *
 * <ul>
 *   <li>{@code Accepted} goes out once, before anything else of the order: a push or a fill that
 *       arrives before the op's answer implies the venue has the order.
 *   <li>A fill goes out once per OKX trade id.
 *   <li>A terminal state ({@code filled}, {@code canceled}) whose {@code accFillSz} is above the
 *       fills seen so far means a fill push is missing or late: the update asks for a REST look-up
 *       instead of finishing, so that a cancel racing a fill never hides the fill.
 *   <li>{@code Cancelled} and {@code Rejected} go out once, and nothing follows them.
 * </ul>
 */
final class OrderTracker {
  /** Where the order op of an order stands. */
  enum Sending {
    /** Waiting for the rate limiter or the connection. */
    QUEUED,
    /** On the wire, no answer yet: after a reconnect only a look-up can say if OKX has it. */
    SENT,
    /** OKX answered (accepted or refused). */
    ANSWERED
  }

  /** What to do with an unfinished order after a reconnect, given whether OKX has it. */
  enum Reconcile {
    /** OKX has it: apply its state and fills. */
    APPLY,
    /** OKX never got it and it was never answered: send it (the first time it arrives). */
    SEND,
    /** OKX does not know an order it had answered: leave it and warn (nothing safe to infer). */
    KEEP
  }

  /** The events an input produced, and whether OKX must be asked for the order's full state. */
  record Update(List<OrderEvent> events, boolean needsLookup) {
    static final Update NONE = new Update(List.of(), false);
  }

  /** One order's known state. */
  static final class Tracked {
    final ClientOrderId clientOrderId;
    final String instId;

    /** Null for an order learnt from OKX (placed by an earlier run or elsewhere). */
    OrderRequest request;

    String ordId;
    Sending sending = Sending.QUEUED;
    private boolean accepted;
    private boolean terminal;
    private BigDecimal filled = BigDecimal.ZERO;
    private final Set<String> tradeKeys = new HashSet<>();
    private final List<OrderEvent> history = new ArrayList<>();

    Tracked(final ClientOrderId clientOrderId, final String instId, final OrderRequest request) {
      this.clientOrderId = clientOrderId;
      this.instId = instId;
      this.request = request;
    }

    boolean accepted() {
      return accepted;
    }

    /** Cancelled, rejected, or completely filled: OKX will report nothing new. */
    boolean isDone() {
      return terminal || (request != null && filled.compareTo(request.amount().value()) >= 0);
    }

    BigDecimal filled() {
      return filled;
    }

    /** Every event this order produced so far, in order (re-published on a repeated place). */
    List<OrderEvent> history() {
      return List.copyOf(history);
    }
  }

  /** Default of how many orders are remembered; the oldest finished ones go first. */
  static final int DEFAULT_MAX_KEPT = 10_000;

  private final Map<ClientOrderId, Tracked> orders = new LinkedHashMap<>();
  private final int maxKept;

  OrderTracker() {
    this(DEFAULT_MAX_KEPT);
  }

  /**
   * @param maxKept orders remembered at most, open ones always: a long-running node must not grow
   *     without bound, and an order finished long ago is only re-reported (idempotently) if OKX
   *     ever pushes it again
   */
  OrderTracker(final int maxKept) {
    this.maxKept = maxKept;
  }

  /** Starts tracking {@code request}; an id already tracked keeps its state (idempotent place). */
  Tracked register(final OrderRequest request) {
    return register(request, request.tradingPair().symbol());
  }

  /** As {@link #register(OrderRequest)}, for an order on OKX's instrument {@code instId}. */
  Tracked register(final OrderRequest request, final String instId) {
    final Tracked known = orders.get(request.clientOrderId());
    if (known != null) {
      if (known.request == null) {
        known.request = request;
      }
      return known;
    }
    final Tracked t =
        new Tracked(request.clientOrderId(), instId, request);
    orders.put(request.clientOrderId(), t);
    forgetOldFinished();
    return t;
  }

  private void forgetOldFinished() {
    int excess = orders.size() - maxKept;
    final Iterator<Tracked> it = orders.values().iterator();
    while (excess > 0 && it.hasNext()) {
      if (it.next().isDone()) {
        it.remove();
        excess--;
      }
    }
  }

  Optional<Tracked> find(final ClientOrderId id) {
    return Optional.ofNullable(orders.get(id));
  }

  /** Orders OKX may still report on, oldest first. */
  List<Tracked> unfinished() {
    final List<Tracked> out = new ArrayList<>();
    for (Tracked t : orders.values()) {
      if (!t.isDone()) {
        out.add(t);
      }
    }
    return out;
  }

  /** OKX answered the order op with success. */
  Update onAccepted(final ClientOrderId id, final String ordId, final Instant at) {
    final Tracked t = orders.get(id);
    if (t == null) {
      return Update.NONE;
    }
    t.sending = Sending.ANSWERED;
    final List<OrderEvent> out = new ArrayList<>();
    accept(t, ordId, at, out);
    return new Update(out, false);
  }

  /** OKX refused the order op; ignored once the order was accepted or finished. */
  Update onRejected(
      final ClientOrderId id, final RejectReason reason, final String message, final Instant at) {
    final Tracked t = orders.get(id);
    if (t == null) {
      return Update.NONE;
    }
    t.sending = Sending.ANSWERED;
    if (t.accepted || t.terminal) {
      return Update.NONE;
    }
    t.terminal = true;
    return new Update(List.of(record(t, new OrderEvent.Rejected(id, reason, message, at))), false);
  }

  /**
   * A cancel of an order that has not left yet (waiting for the rate limiter or the connection): it
   * never will, so it is cancelled here. Ignored once the order op is on the wire.
   */
  Update onCancelledUnsent(final ClientOrderId id, final Instant at) {
    final Tracked t = orders.get(id);
    if (t == null || t.sending != Sending.QUEUED || t.accepted || t.terminal) {
      return Update.NONE;
    }
    t.terminal = true;
    return new Update(List.of(record(t, new OrderEvent.Cancelled(id, at))), false);
  }

  /** An {@code orders} channel push (or a REST order answer) for one order. */
  Update onOrder(final OkxMessages.OrderData d, final Instant now) {
    if (d.clOrdId() == null || d.clOrdId().isBlank()) {
      return Update.NONE; // not placed by a client order id: not ours
    }
    final ClientOrderId id = ClientOrderId.of(d.clOrdId());
    final Tracked t = orders.computeIfAbsent(id, k -> new Tracked(k, d.instId(), null));
    if (t.terminal) {
      return Update.NONE;
    }
    final Instant at = OkxTime.millis(d.uTime(), now);
    final List<OrderEvent> out = new ArrayList<>();
    accept(t, d.ordId(), OkxTime.millis(d.cTime(), at), out);
    OkxFills.of(d, at).ifPresent(f -> fill(t, f, out));
    return new Update(out, finish(t, d.state(), OkxJson.decimalOrZero(d.accFillSz()), at, out));
  }

  /**
   * A REST snapshot of one order: its fills (applied first, each once) then its state. What the
   * pushes missed while disconnected comes out here.
   */
  Update onSnapshot(
      final OkxMessages.OrderData d, final List<OkxMessages.FillData> fills, final Instant now) {
    final ClientOrderId id = ClientOrderId.of(d.clOrdId());
    final Tracked t = orders.computeIfAbsent(id, k -> new Tracked(k, d.instId(), null));
    t.sending = Sending.ANSWERED;
    if (t.terminal) {
      return Update.NONE;
    }
    final Instant at = OkxTime.millis(d.uTime(), now);
    final List<OrderEvent> out = new ArrayList<>();
    accept(t, d.ordId(), OkxTime.millis(d.cTime(), at), out);
    for (OkxMessages.FillData f : fills) {
      OkxFills.of(f, at).ifPresent(fill -> fill(t, fill, out));
    }
    return new Update(out, finish(t, d.state(), OkxJson.decimalOrZero(d.accFillSz()), at, out));
  }

  /** The reconnect decision for {@code t}, given whether a look-up found it at OKX. */
  static Reconcile decide(final Tracked t, final boolean atVenue) {
    if (atVenue) {
      return Reconcile.APPLY;
    }
    return t.sending == Sending.ANSWERED || t.accepted ? Reconcile.KEEP : Reconcile.SEND;
  }

  private void accept(
      final Tracked t, final String ordId, final Instant at, final List<OrderEvent> out) {
    if (ordId != null && !ordId.isBlank()) {
      t.ordId = ordId;
    }
    if (!t.accepted) {
      t.accepted = true;
      out.add(record(t, new OrderEvent.Accepted(t.clientOrderId, t.ordId, at)));
    }
  }

  private void fill(final Tracked t, final Fill f, final List<OrderEvent> out) {
    if (t.tradeKeys.add(f.tradeId())) {
      t.filled = t.filled.add(f.amount().value());
      out.add(record(t, new OrderEvent.Filled(t.clientOrderId, f, f.timestamp())));
    }
  }

  /** Applies a state; true when OKX reports more filled than seen (a fill is missing). */
  private boolean finish(
      final Tracked t,
      final String state,
      final BigDecimal accFillSz,
      final Instant at,
      final List<OrderEvent> out) {
    final boolean cancelled = "canceled".equals(state) || "mmp_canceled".equals(state);
    if (!cancelled && !"filled".equals(state)) {
      return false;
    }
    if (accFillSz.compareTo(t.filled) > 0) {
      return true;
    }
    t.terminal = true;
    if (cancelled) {
      out.add(record(t, new OrderEvent.Cancelled(t.clientOrderId, at)));
    }
    return false;
  }

  private static OrderEvent record(final Tracked t, final OrderEvent e) {
    Objects.requireNonNull(e);
    t.history.add(e);
    return e;
  }
}
