package dev.osprey.domain.executor.arbitrage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.Executor;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.ConnectorPair;
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
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Drives one cross-venue executor (arbitrage or XEMM) over two paper venues the way the engine
 * does: every input goes through {@code decide}, the facts are applied and journaled. After every
 * decision it checks that replay (a fresh executor folded with the whole journal) rebuilds exactly
 * the live state and report, so each scenario is also a recovery test. Fills are scripted with a
 * fee rate: the fee is {@code price·amount·rate} in quote. Facts come back as compact text.
 */
public final class CrossVenueRun<E extends Executor> {
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  public static final TradingPair BTC_USDT = TradingPair.parse("BTC-USDT");
  /** The buying market of every test config (the primary). */
  public static final ConnectorPair PAPER = new ConnectorPair("paper", BTC_USDT);
  /** The selling market of every test config. */
  public static final ConnectorPair PAPER_B = new ConnectorPair("paper_b", BTC_USDT);

  private final Supplier<E> factory;
  private final String executorId;
  private final List<ExecutorEvent> journal = new ArrayList<>();
  private final Map<ConnectorPair, TopOfBook> books = new LinkedHashMap<>();
  private final Map<ConnectorPair, TradingRules> rules = new LinkedHashMap<>();
  private E executor;
  private Instant now = T0;
  private int trades;

  public CrossVenueRun(final Supplier<E> factory) {
    this.factory = factory;
    this.executor = factory.get();
    this.executorId = executor.config().id();
    ReadableOrderIds.register(executorId);
  }

  public E executor() {
    return executor;
  }

  public MarketView market() {
    return MarketView.of(PAPER, books, rules);
  }

  public ExecutorReport report() {
    return executor.report(market(), now);
  }

  public Instant now() {
    return now;
  }

  /** Moves the clock to {@code seconds} after T0. */
  public CrossVenueRun<E> at(final long seconds) {
    now = T0.plusSeconds(seconds);
    return this;
  }

  public CrossVenueRun<E> rules(final ConnectorPair m, final TradingRules r) {
    rules.put(m, r);
    return this;
  }

  /** Sets a book without telling the executor (as if it was there before). */
  public CrossVenueRun<E> book(final ConnectorPair m, final String bid, final String ask) {
    books.put(
        m, TopOfBook.of(m.connectorName(), m.tradingPair(), Price.of(bid), Price.of(ask), now));
    return this;
  }

  public List<String> start() {
    return decide(new ExecutorInput.Start());
  }

  public List<String> quote(final ConnectorPair m, final String bid, final String ask) {
    book(m, bid, ask);
    return decide(new ExecutorInput.MarketChanged());
  }

  public List<String> wake() {
    return decide(new ExecutorInput.Wake());
  }

  public List<String> stop(final boolean keepPosition) {
    return decide(new ExecutorInput.Stop(keepPosition));
  }

  public List<String> accept(final int seq) {
    return venue(new OrderEvent.Accepted(id(seq), "x-" + seq, now));
  }

  /** A trade of {@code amount} at {@code price} on order {@code seq}, paying {@code feeRate}. */
  public List<String> fill(
      final int seq, final String price, final String amount, final String feeRate) {
    final BigDecimal fee =
        new BigDecimal(price).multiply(new BigDecimal(amount)).multiply(new BigDecimal(feeRate));
    final Fill f =
        new Fill(
            "t-" + (++trades), Price.of(price), Quantity.of(amount), new QuoteAmount(fee), false,
            now);
    return venue(new OrderEvent.Filled(id(seq), f, now));
  }

  public List<String> cancelled(final int seq) {
    return venue(new OrderEvent.Cancelled(id(seq), now));
  }

  public List<String> rejected(final int seq, final RejectReason reason) {
    return venue(new OrderEvent.Rejected(id(seq), reason, "refused", now));
  }

  public List<String> venue(final OrderEvent report) {
    return decide(new ExecutorInput.OrderUpdate(report));
  }

  public TrackedOrder order(final int seq) {
    return executor.orders().get(id(seq)).orElseThrow();
  }

  public ClientOrderId id(final int seq) {
    return ClientOrderId.forExecutor(executorId, seq);
  }

  @SuppressWarnings("unchecked")
  private List<String> decide(final ExecutorInput input) {
    final List<ExecutorEvent> facts = executor.decide(input, market(), now);
    executor = (E) executor.applyAll(facts);
    journal.addAll(facts);
    final Executor replayed = factory.get().applyAll(journal);
    assertEquals(executor, replayed, "replay of the journal must rebuild the live state");
    assertEquals(executor.report(market(), now), replayed.report(market(), now));
    return describe(facts);
  }

  /** Compact text of facts, so expectations read like the journal. */
  public static List<String> describe(final List<ExecutorEvent> events) {
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
    if (e instanceof ExecutorEvent.OrderSubmitted s) {
      final var r = s.request();
      final String price = r.price() == null ? "" : " @" + plain(r.price().value());
      return "submit " + ReadableOrderIds.of(r.clientOrderId()) + " " + s.role() + " " + r.connectorName() + " "
          + r.side() + " " + r.orderType() + " " + plain(r.amount().value()) + price;
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

  /** Asserts {@code actual} equals {@code expected} numerically (scale ignored). */
  public static void assertDecimal(final String expected, final BigDecimal actual) {
    assertEquals(
        0,
        new BigDecimal(expected).compareTo(actual),
        () -> "expected " + expected + " but was " + plain(actual));
  }
}
