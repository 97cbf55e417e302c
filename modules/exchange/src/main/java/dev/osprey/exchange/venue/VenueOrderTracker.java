package dev.osprey.exchange.venue;

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
 * What a real venue's connector knows of each order by client order id, and the one place that
 * turns what the venue says (order answers, pushed order updates, REST snapshots) into {@link
 * OrderEvent}s. Each venue's subclass only translates its messages into {@link #report}. Pure and
 * single-threaded: the connector calls it from its own thread only, which is why {@link Tracked}'s
 * fields are plain.
 *
 * <p>Rules, whatever order the venue's messages arrive in and however often:
 *
 * <ul>
 *   <li>{@code Accepted} goes out once, before anything else of the order: an update or a fill that
 *       arrives before the order's answer implies the venue has the order.
 *   <li>A fill goes out once per venue trade id.
 *   <li>A terminal state (filled, cancelled) whose cumulative filled size is above the fills seen
 *       so far means a fill report is missing or late: the update asks for a look-up instead of
 *       finishing, so that a cancel racing a fill never hides the fill.
 *   <li>{@code Cancelled} and {@code Rejected} go out once, and nothing follows them.
 * </ul>
 */
public class VenueOrderTracker {
  /** Where the order request of an order stands. */
  public enum Sending {
    /** Waiting for the rate limiter or the connection. */
    QUEUED,
    /** On the wire, no answer yet: after a reconnect only a look-up can say if the venue has it. */
    SENT,
    /** The venue answered (accepted or refused). */
    ANSWERED
  }

  /** What to do with an unfinished order after a reconnect, given whether the venue has it. */
  public enum Reconcile {
    /** The venue has it: apply its state and fills. */
    APPLY,
    /** The venue never got it and it was never answered: send it (the first time it arrives). */
    SEND,
    /** The venue does not know an order it had answered: leave it and warn (nothing to infer). */
    KEEP
  }

  /** An order's state as the venue reports it, in the venue-neutral terms the rules need. */
  public enum VenueState {
    /** Resting or partially filled: more may come. */
    LIVE,
    FILLED,
    /** Cancelled or expired by the venue. */
    CANCELLED,
    /** Refused by the venue after it had taken the order. */
    REJECTED
  }

  /** The events an input produced, and whether the venue must be asked for the order's state. */
  public record Update(List<OrderEvent> events, boolean needsLookup) {
    public static final Update NONE = new Update(List.of(), false);
  }

  /** One order's known state; mutated only by the tracker and its connector's thread. */
  public static final class Tracked {
    public final ClientOrderId clientOrderId;

    /** The venue's instrument id (OKX {@code BTC-USDT}, Binance {@code BTCUSDT}). */
    public final String instId;

    /** Null for an order learnt from the venue (placed by an earlier run or elsewhere). */
    public OrderRequest request;

    public String ordId;
    public Sending sending = Sending.QUEUED;
    private boolean accepted;
    private boolean terminal;
    private BigDecimal filled = BigDecimal.ZERO;
    private final Set<String> tradeKeys = new HashSet<>();
    private final List<OrderEvent> history = new ArrayList<>();

    public Tracked(
        final ClientOrderId clientOrderId, final String instId, final OrderRequest request) {
      this.clientOrderId = clientOrderId;
      this.instId = instId;
      this.request = request;
    }

    public boolean accepted() {
      return accepted;
    }

    /** Cancelled, rejected, or completely filled: the venue will report nothing new. */
    public boolean isDone() {
      return terminal || (request != null && filled.compareTo(request.amount().value()) >= 0);
    }

    public BigDecimal filled() {
      return filled;
    }

    /** Every event this order produced so far, in order (re-published on a repeated place). */
    public List<OrderEvent> history() {
      return List.copyOf(history);
    }
  }

  /** Default of how many orders are remembered; the oldest finished ones go first. */
  public static final int DEFAULT_MAX_KEPT = 10_000;

  private final Map<ClientOrderId, Tracked> orders = new LinkedHashMap<>();
  private final int maxKept;

  public VenueOrderTracker() {
    this(DEFAULT_MAX_KEPT);
  }

  /**
   * @param maxKept orders remembered at most, open ones always: a long-running node must not grow
   *     without bound, and an order finished long ago is only re-reported (idempotently) if the
   *     venue ever pushes it again
   */
  public VenueOrderTracker(final int maxKept) {
    this.maxKept = maxKept;
  }

  /**
   * Starts tracking {@code request} on the venue instrument {@code instId}; an id already tracked
   * keeps its state (idempotent place).
   */
  public Tracked register(final OrderRequest request, final String instId) {
    final Tracked known = orders.get(request.clientOrderId());
    if (known != null) {
      if (known.request == null) {
        known.request = request;
      }
      return known;
    }
    final Tracked t = new Tracked(request.clientOrderId(), instId, request);
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

  public Optional<Tracked> find(final ClientOrderId id) {
    return Optional.ofNullable(orders.get(id));
  }

  /** Orders the venue may still report on, oldest first. */
  public List<Tracked> unfinished() {
    final List<Tracked> out = new ArrayList<>();
    for (Tracked t : orders.values()) {
      if (!t.isDone()) {
        out.add(t);
      }
    }
    return out;
  }

  /** The venue answered the order request with success. */
  public Update onAccepted(final ClientOrderId id, final String ordId, final Instant at) {
    final Tracked t = orders.get(id);
    if (t == null) {
      return Update.NONE;
    }
    t.sending = Sending.ANSWERED;
    final List<OrderEvent> out = new ArrayList<>();
    accept(t, ordId, at, out);
    return new Update(out, false);
  }

  /** The venue refused the order request; ignored once the order was accepted or finished. */
  public Update onRejected(
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
   * never will, so it is cancelled here. Ignored once the order request is on the wire.
   */
  public Update onCancelledUnsent(final ClientOrderId id, final Instant at) {
    final Tracked t = orders.get(id);
    if (t == null || t.sending != Sending.QUEUED || t.accepted || t.terminal) {
      return Update.NONE;
    }
    t.terminal = true;
    return new Update(List.of(record(t, new OrderEvent.Cancelled(id, at))), false);
  }

  /**
   * What the venue reports of one order, pushed or looked up: the order exists ({@code Accepted}
   * once, at {@code createdAt}), its new {@code fills} (each once), then its {@code state} with
   * {@code cumFilled}, the size the venue says is filled.
   *
   * @param snapshot true for a look-up's answer: the order request is answered whatever it said
   */
  public Update report(
      final ClientOrderId id,
      final String instId,
      final String ordId,
      final Instant createdAt,
      final List<Fill> fills,
      final VenueState state,
      final BigDecimal cumFilled,
      final Instant at,
      final boolean snapshot) {
    final Tracked t = orders.computeIfAbsent(id, k -> new Tracked(k, instId, null));
    if (snapshot) {
      t.sending = Sending.ANSWERED;
    }
    if (t.terminal) {
      return Update.NONE;
    }
    final List<OrderEvent> out = new ArrayList<>();
    if (state == VenueState.REJECTED && !t.accepted) {
      t.terminal = true;
      out.add(record(t, new OrderEvent.Rejected(id, RejectReason.VENUE_ERROR, "rejected", at)));
      return new Update(out, false);
    }
    accept(t, ordId, createdAt, out);
    for (Fill f : fills) {
      fill(t, f, out);
    }
    return new Update(out, finish(t, state, cumFilled, at, out));
  }

  /** The reconnect decision for {@code t}, given whether a look-up found it at the venue. */
  public static Reconcile decide(final Tracked t, final boolean atVenue) {
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

  /** Applies a state; true when the venue reports more filled than seen (a fill is missing). */
  private boolean finish(
      final Tracked t,
      final VenueState state,
      final BigDecimal cumFilled,
      final Instant at,
      final List<OrderEvent> out) {
    if (state == VenueState.LIVE) {
      return false;
    }
    if (cumFilled.compareTo(t.filled) > 0) {
      return true;
    }
    t.terminal = true;
    if (state != VenueState.FILLED) {
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
