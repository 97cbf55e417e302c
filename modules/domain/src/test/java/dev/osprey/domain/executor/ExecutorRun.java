package dev.osprey.domain.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
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
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Drives one single-market executor the way the engine does: every input goes through {@code
 * decide}, the facts are applied and journaled. After every decision it checks that replay (a fresh
 * executor folded with the whole journal) rebuilds exactly the live state and report, so every
 * scenario is also a recovery test. Fills are scripted with an explicit fee rate: the fee is
 * {@code price·amount·rate} in quote, as the venue charges it.
 *
 * @param <E> the executor type
 * @param <R> the concrete run, so that setters chain
 */
public abstract class ExecutorRun<E extends Executor, R extends ExecutorRun<E, R>> {
  private final Supplier<E> fresh;
  private final String executorId;
  private final TradingPair pair;
  private final Instant t0;
  private final List<ExecutorEvent> journal = new ArrayList<>();
  private E executor;
  private TopOfBook book;
  private TradingRules rules = TradingRules.DEFAULT;
  private Instant now;
  private int trades;

  protected ExecutorRun(final Supplier<E> fresh, final String executorId, final TradingPair pair, final Instant t0) {
    this.fresh = fresh;
    this.executorId = executorId;
    ReadableOrderIds.register(executorId);
    this.pair = pair;
    this.t0 = t0;
    this.now = t0;
    this.executor = fresh.get();
  }

  protected abstract R self();

  public E executor() {
    return executor;
  }

  public List<ExecutorEvent> journal() {
    return List.copyOf(journal);
  }

  public MarketView market() {
    return MarketView.of(book, rules);
  }

  public ExecutorReport report() {
    return executor.report(market(), now);
  }

  public Instant now() {
    return now;
  }

  public R rules(final TradingRules r) {
    rules = r;
    return self();
  }

  /** Moves the clock to {@code seconds} after the first instant. */
  public R at(final long seconds) {
    now = t0.plusSeconds(seconds);
    return self();
  }

  /** Sets the book without telling the executor (as if it was there before). */
  public R book(final String bid, final String ask) {
    book = TopOfBook.of("paper", pair, Price.of(bid), Price.of(ask), now);
    return self();
  }

  public List<ExecutorEvent> start() {
    return decide(new ExecutorInput.Start());
  }

  public List<ExecutorEvent> quote(final String bid, final String ask) {
    book(bid, ask);
    return decide(new ExecutorInput.MarketChanged());
  }

  public List<ExecutorEvent> tick() {
    return decide(new ExecutorInput.MarketChanged());
  }

  public List<ExecutorEvent> wake() {
    return decide(new ExecutorInput.Wake());
  }

  public List<ExecutorEvent> stop(final boolean keepPosition) {
    return decide(new ExecutorInput.Stop(keepPosition));
  }

  public List<ExecutorEvent> accept(final int seq) {
    return venue(new OrderEvent.Accepted(orderId(seq), "x-" + seq, now));
  }

  /** A trade of {@code amount} at {@code price} on order {@code seq}, paying {@code feeRate}. */
  public List<ExecutorEvent> fill(final int seq, final String price, final String amount, final String feeRate) {
    final BigDecimal fee = new BigDecimal(price).multiply(new BigDecimal(amount)).multiply(new BigDecimal(feeRate));
    final Fill f = new Fill("t-" + (++trades), Price.of(price), Quantity.of(amount), new QuoteAmount(fee), false, now);
    return venue(new OrderEvent.Filled(orderId(seq), f, now));
  }

  public List<ExecutorEvent> cancelled(final int seq) {
    return venue(new OrderEvent.Cancelled(orderId(seq), now));
  }

  public List<ExecutorEvent> rejected(final int seq, final RejectReason reason) {
    return venue(new OrderEvent.Rejected(orderId(seq), reason, "refused", now));
  }

  public List<ExecutorEvent> venue(final OrderEvent report) {
    return decide(new ExecutorInput.OrderUpdate(report));
  }

  public TrackedOrder order(final int seq) {
    return executor.orders().get(orderId(seq)).orElseThrow();
  }

  public OrderRequest request(final int seq) {
    return order(seq).request();
  }

  private ClientOrderId orderId(final int seq) {
    return ClientOrderId.forExecutor(executorId, seq);
  }

  @SuppressWarnings("unchecked")
  private List<ExecutorEvent> decide(final ExecutorInput input) {
    final List<ExecutorEvent> facts = executor.decide(input, market(), now);
    executor = (E) executor.applyAll(facts);
    journal.addAll(facts);
    final E replayed = (E) fresh.get().applyAll(journal);
    assertEquals(executor, replayed, "replay of the journal must rebuild the live state");
    assertEquals(executor.report(market(), now), replayed.report(market(), now));
    return facts;
  }

  /** Compact text of facts, so expectations read like the journal; {@code own} names type-specific ones. */
  public static List<String> describeAll(
      final List<ExecutorEvent> events, final Function<ExecutorEvent, String> own) {
    final List<String> out = new ArrayList<>();
    for (ExecutorEvent e : events) {
      out.add(describeOne(e, own));
    }
    return out;
  }

  public static String describeOne(final ExecutorEvent e, final Function<ExecutorEvent, String> own) {
    final String specific = own.apply(e);
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
      final OrderRequest r = s.request();
      final String price = r.price() == null ? "" : " @" + plain(r.price().value());
      return "submit " + ReadableOrderIds.of(r.clientOrderId()) + " " + s.role() + " " + r.side() + " " + r.orderType()
          + " " + plain(r.amount().value()) + price + " " + r.positionAction();
    }
    if (e instanceof ExecutorEvent.OrderAcknowledged a) {
      return "ack " + ReadableOrderIds.of(a.clientOrderId());
    }
    if (e instanceof ExecutorEvent.FillApplied f) {
      return "fill " + ReadableOrderIds.of(f.clientOrderId()) + " " + plain(f.fill().amount().value()) + "@"
          + plain(f.fill().price().value());
    }
    if (e instanceof ExecutorEvent.CancelRequested c) {
      return "cancel " + ReadableOrderIds.of(c.clientOrderId());
    }
    if (e instanceof ExecutorEvent.OrderCancelled c) {
      return "cancelled " + ReadableOrderIds.of(c.clientOrderId());
    }
    if (e instanceof ExecutorEvent.OrderFailed f) {
      return "failed " + ReadableOrderIds.of(f.clientOrderId()) + " " + f.reason() + (f.countsAsRetry() ? " retry" : "");
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

  public static String plain(final BigDecimal v) {
    return Decimals.canonical(v).toPlainString();
  }

  public static void assertDecimal(final String expected, final BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual),
        () -> "expected " + expected + " but was " + (actual == null ? null : plain(actual)));
  }
}
