package dev.osprey.domain.executor.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.ReadableOrderIds;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives one {@link GridExecutor} the way the engine does: every input goes through {@code
 * decide}, the facts are applied and journaled, and after every decision replay ({@code
 * create(config)} folded with the whole journal) must rebuild exactly the live state and report.
 * Fills carry an explicit fee rate: fee = price·amount·rate in quote, as the venue charges it.
 */
final class GridRun {
  private final GridExecutorConfig config;
  private final List<ExecutorEvent> journal = new ArrayList<>();
  private GridExecutor executor;
  private TopOfBook book;
  private TradingRules rules = TradingRules.DEFAULT;
  private Instant now = GridConfigs.T0;
  private int trades;

  GridRun(final GridExecutorConfig config) {
    this.config = config;
    this.executor = GridExecutor.create(config);
  }

  GridExecutor executor() {
    return executor;
  }

  MarketView market() {
    return MarketView.of(book, rules);
  }

  ExecutorReport report() {
    return executor.report(market(), now);
  }

  Instant now() {
    return now;
  }

  GridRun rules(final TradingRules r) {
    rules = r;
    return this;
  }

  /** Moves the clock to {@code seconds} after the config timestamp. */
  GridRun at(final long seconds) {
    now = GridConfigs.T0.plusSeconds(seconds);
    return this;
  }

  /** Sets the book without telling the executor. */
  GridRun book(final String bid, final String ask) {
    book = TopOfBook.of("paper", GridConfigs.BTC_USDT, Price.of(bid), Price.of(ask), now);
    return this;
  }

  GridRun noBook() {
    book = null;
    return this;
  }

  List<String> start() {
    return decide(new ExecutorInput.Start());
  }

  List<String> quote(final String bid, final String ask) {
    book(bid, ask);
    return decide(new ExecutorInput.MarketChanged());
  }

  List<String> tick() {
    return decide(new ExecutorInput.MarketChanged());
  }

  List<String> wake() {
    return decide(new ExecutorInput.Wake());
  }

  List<String> stop(final boolean keepPosition) {
    return decide(new ExecutorInput.Stop(keepPosition));
  }

  /** A trade of {@code amount} at {@code price} on order {@code seq}, paying {@code feeRate}. */
  List<String> fill(final int seq, final String price, final String amount, final String feeRate) {
    final BigDecimal fee =
        new BigDecimal(price).multiply(new BigDecimal(amount)).multiply(new BigDecimal(feeRate));
    final Fill f = new Fill(
        "t-" + (++trades), Price.of(price), Quantity.of(amount), new QuoteAmount(fee), false, now);
    return venue(new OrderEvent.Filled(id(seq), f, now));
  }

  /** Fills the whole of order {@code seq} at its own price. */
  List<String> fillAll(final int seq, final String feeRate) {
    final OrderRequest r = request(seq);
    return fill(
        seq, r.price().value().toPlainString(), r.amount().value().toPlainString(), feeRate);
  }

  List<String> cancelled(final int seq) {
    return venue(new OrderEvent.Cancelled(id(seq), now));
  }

  /** Confirms every pending cancel, one report each; returns the facts of the last report. */
  List<String> cancelledAll() {
    List<String> last = List.of();
    for (TrackedOrder o : executor.orders().all()) {
      if (o.status() == OrderStatus.CANCEL_REQUESTED) {
        last = venue(new OrderEvent.Cancelled(o.id(), now));
      }
    }
    return last;
  }

  List<String> rejected(final int seq, final RejectReason reason) {
    return venue(new OrderEvent.Rejected(id(seq), reason, "refused", now));
  }

  List<String> venue(final OrderEvent report) {
    return decide(new ExecutorInput.OrderUpdate(report));
  }

  TrackedOrder order(final int seq) {
    return executor.orders().get(id(seq)).orElseThrow();
  }

  OrderRequest request(final int seq) {
    return order(seq).request();
  }

  static ClientOrderId id(final int seq) {
    return ClientOrderId.forExecutor(GridConfigs.ID, seq);
  }

  private List<String> decide(final ExecutorInput input) {
    final List<ExecutorEvent> facts = executor.decide(input, market(), now);
    executor = (GridExecutor) executor.applyAll(facts);
    journal.addAll(facts);
    final GridExecutor replayed = (GridExecutor) GridExecutor.create(config).applyAll(journal);
    assertEquals(executor, replayed, "replay of the journal must rebuild the live state");
    assertEquals(executor.report(market(), now), replayed.report(market(), now));
    return describe(facts);
  }

  /** Compact text of facts, so expectations read like the journal. */
  static List<String> describe(final List<ExecutorEvent> events) {
    final List<String> out = new ArrayList<>();
    for (ExecutorEvent e : events) {
      out.add(describe(e));
    }
    return out;
  }

  static String describe(final ExecutorEvent e) {
    if (e instanceof ExecutorEvent.Started) {
      return "started";
    }
    if (e instanceof GridLevelsPlanned p) {
      return "plan " + p.levels().size() + " levels";
    }
    if (e instanceof ExecutorEvent.OrderSubmitted s) {
      final OrderRequest r = s.request();
      final String price = r.price() == null ? "" : " @" + plain(r.price().value());
      return "submit " + seq(r.clientOrderId()) + " " + s.role() + " " + r.side() + " "
          + r.orderType() + " " + plain(r.amount().value()) + price;
    }
    if (e instanceof ExecutorEvent.OrderAcknowledged a) {
      return "ack " + seq(a.clientOrderId());
    }
    if (e instanceof ExecutorEvent.FillApplied f) {
      return "fill " + seq(f.clientOrderId()) + " " + plain(f.fill().amount().value()) + "@"
          + plain(f.fill().price().value());
    }
    if (e instanceof ExecutorEvent.CancelRequested c) {
      return "cancel " + seq(c.clientOrderId());
    }
    if (e instanceof ExecutorEvent.OrderCancelled c) {
      return "cancelled " + seq(c.clientOrderId());
    }
    if (e instanceof ExecutorEvent.OrderFailed f) {
      return "failed " + seq(f.clientOrderId()) + " " + f.reason()
          + (f.countsAsRetry() ? " retry" : "");
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

  /** The order's sequence number within the executor ({@code gx-1-7} → {@code #7}). */
  private static String seq(final ClientOrderId id) {
    ReadableOrderIds.register(GridConfigs.ID);
    return "#" + ReadableOrderIds.of(id).substring(GridConfigs.ID.length() + 1);
  }

  static String plain(final BigDecimal v) {
    return Decimals.canonical(v).toPlainString();
  }

  static void assertDecimal(final String expected, final BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual),
        () -> "expected " + expected + " but was "
            + (actual == null ? null : actual.toPlainString()));
  }
}
