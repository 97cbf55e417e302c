package dev.osprey.okx;

import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.exchange.venue.VenueOrderTracker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * OKX's messages (op answers, {@code orders} pushes, REST snapshots) fed to the shared {@link
 * VenueOrderTracker}, which holds the rules: acceptance once and first, a fill once per OKX trade
 * id ({@code instId:tradeId}), a terminal state whose {@code accFillSz} exceeds the fills seen asks
 * for a look-up, cancels and rejections once.
 */
final class OrderTracker extends VenueOrderTracker {
  OrderTracker() {
    super();
  }

  OrderTracker(final int maxKept) {
    super(maxKept);
  }

  /** Starts tracking {@code request}; an id already tracked keeps its state (idempotent place). */
  Tracked register(final OrderRequest request) {
    return register(request, request.tradingPair().symbol());
  }

  /** An {@code orders} channel push (or a REST order answer) for one order. */
  Update onOrder(final OkxMessages.OrderData d, final Instant now) {
    if (d.clOrdId() == null || d.clOrdId().isBlank()) {
      return Update.NONE; // not placed by a client order id: not ours
    }
    final Instant at = OkxTime.millis(d.uTime(), now);
    final List<Fill> fills = new ArrayList<>(1);
    OkxFills.of(d, at).ifPresent(fills::add);
    return report(d, fills, at, false);
  }

  /**
   * A REST snapshot of one order: its fills (applied first, each once) then its state. What the
   * pushes missed while disconnected comes out here.
   */
  Update onSnapshot(
      final OkxMessages.OrderData d, final List<OkxMessages.FillData> fills, final Instant now) {
    final Instant at = OkxTime.millis(d.uTime(), now);
    final List<Fill> out = new ArrayList<>(fills.size());
    for (OkxMessages.FillData f : fills) {
      OkxFills.of(f, at).ifPresent(out::add);
    }
    return report(d, out, at, true);
  }

  private Update report(
      final OkxMessages.OrderData d, final List<Fill> fills, final Instant at, final boolean snap) {
    return report(
        ClientOrderId.of(d.clOrdId()),
        d.instId(),
        d.ordId(),
        OkxTime.millis(d.cTime(), at),
        fills,
        state(d.state()),
        OkxJson.decimalOrZero(d.accFillSz()),
        at,
        snap);
  }

  private static VenueState state(final String okxState) {
    if ("canceled".equals(okxState) || "mmp_canceled".equals(okxState)) {
      return VenueState.CANCELLED;
    }
    return "filled".equals(okxState) ? VenueState.FILLED : VenueState.LIVE;
  }
}
