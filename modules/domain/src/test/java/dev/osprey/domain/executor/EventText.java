package dev.osprey.domain.executor;

import static dev.osprey.domain.DecimalAssertions.plain;

import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.ReadableOrderIds;
import java.util.ArrayList;
import java.util.List;

/**
 * Compact text of executor events, so that expectations read like the journal ({@code "submit
 * dca-1-1 level_0 BUY LIMIT 1 @100 OPEN"}, {@code "fill dca-1-1 1@100"}). An executor type's tests
 * override {@link #own} for the events only that type has, and may change how an order id or a
 * submission reads.
 */
public class EventText {
  /** The text of the events every executor type shares. */
  public static final EventText STANDARD = new EventText();

  public final List<String> all(final List<ExecutorEvent> events) {
    final List<String> out = new ArrayList<>();
    for (ExecutorEvent e : events) {
      out.add(of(e));
    }
    return out;
  }

  public final String of(final ExecutorEvent e) {
    final String specific = own(e);
    if (specific != null) {
      return specific;
    }
    if (e instanceof ExecutorEvent.Started) {
      return "started";
    }
    if (e instanceof ExecutorEvent.EntryPriceResolved r) {
      return "entry " + plain(r.price().value());
    }
    if (e instanceof ExecutorEvent.OrderSubmitted s) {
      return "submit " + id(s.request().clientOrderId()) + " " + s.role() + " " + submitted(s.request());
    }
    if (e instanceof ExecutorEvent.OrderAcknowledged a) {
      return "ack " + id(a.clientOrderId());
    }
    if (e instanceof ExecutorEvent.FillApplied f) {
      return "fill " + id(f.clientOrderId()) + " " + plain(f.fill().amount().value()) + "@"
          + plain(f.fill().price().value());
    }
    if (e instanceof ExecutorEvent.CancelRequested c) {
      return "cancel " + id(c.clientOrderId());
    }
    if (e instanceof ExecutorEvent.OrderCancelled c) {
      return "cancelled " + id(c.clientOrderId());
    }
    if (e instanceof ExecutorEvent.OrderFailed f) {
      return "failed " + id(f.clientOrderId()) + " " + f.reason() + (f.countsAsRetry() ? " retry" : "");
    }
    if (e instanceof ExecutorEvent.TrailingStopMoved t) {
      return "trailing " + plain(t.trigger());
    }
    if (e instanceof ExecutorEvent.ShutdownStarted s) {
      return "shutdown " + s.closeType();
    }
    if (e instanceof ExecutorEvent.Terminated t) {
      return "terminated " + t.closeType();
    }
    return e.toString();
  }

  /** Facts written in one cell, {@code '|'} between them; none for an empty cell. */
  public static List<String> lines(final String joined) {
    return joined.isEmpty() ? List.of() : List.of(joined.split("\\|"));
  }

  /** The text of an event only this executor type has, or null for the shared ones. */
  protected String own(final ExecutorEvent e) {
    return null;
  }

  /** An order id as {@code <executor id>-<sequence>}. */
  protected String id(final ClientOrderId id) {
    return ReadableOrderIds.of(id);
  }

  /** What a submission asks for: {@code SIDE TYPE amount[ @price] POSITION_ACTION}. */
  protected String submitted(final OrderRequest r) {
    return sideTypeAmountPrice(r) + " " + r.positionAction();
  }

  /** {@code SIDE TYPE amount}, then {@code " @price"} for a priced order. */
  protected static String sideTypeAmountPrice(final OrderRequest r) {
    final String price = r.price() == null ? "" : " @" + plain(r.price().value());
    return r.side() + " " + r.orderType() + " " + plain(r.amount().value()) + price;
  }
}
