package dev.osprey.domain.executor.twap;

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
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives one {@link TwapExecutor} the way the engine does: every input goes through {@code decide},
 * the facts are applied and journaled. After every decision it checks that replay ({@code
 * create(config)} folded with the whole journal) rebuilds exactly the live state and report, so
 * every scenario is also a recovery test. A fill's fee is {@code price·amount·rate} in quote.
 */
final class TwapRun {
  private final TwapExecutorConfig config;
  private final List<ExecutorEvent> journal = new ArrayList<>();
  private TwapExecutor executor;
  private TopOfBook book;
  private TradingRules rules = TradingRules.DEFAULT;
  private Instant now = TwapConfigs.T0;
  private int trades;

  TwapRun(final TwapExecutorConfig config) {
    this.config = config;
    this.executor = TwapExecutor.create(config);
  }

  TwapExecutor executor() {
    return executor;
  }

  List<ExecutorEvent> journal() {
    return List.copyOf(journal);
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

  TwapRun rules(final String minOrderSize, final String minNotional) {
    rules =
        new TradingRules(
            new BigDecimal(minOrderSize), new BigDecimal(minNotional), new BigDecimal("0.01"),
            new BigDecimal("0.001"));
    return this;
  }

  /** Moves the clock to {@code seconds} after the config timestamp. */
  TwapRun at(final long seconds) {
    now = TwapConfigs.T0.plusSeconds(seconds);
    return this;
  }

  /** Sets the book without telling the executor. */
  TwapRun book(final String bid, final String ask) {
    book = TopOfBook.of("paper", TwapConfigs.BTC_USDT, Price.of(bid), Price.of(ask), now);
    return this;
  }

  List<ExecutorEvent> start() {
    return decide(new ExecutorInput.Start());
  }

  List<ExecutorEvent> quote(final String bid, final String ask) {
    book(bid, ask);
    return decide(new ExecutorInput.MarketChanged());
  }

  List<ExecutorEvent> tick() {
    return decide(new ExecutorInput.MarketChanged());
  }

  List<ExecutorEvent> wake() {
    return decide(new ExecutorInput.Wake());
  }

  List<ExecutorEvent> stop(final boolean keepPosition) {
    return decide(new ExecutorInput.Stop(keepPosition));
  }

  List<ExecutorEvent> accept(final int seq) {
    return venue(new OrderEvent.Accepted(id(seq), "x-" + seq, now));
  }

  List<ExecutorEvent> fill(
      final int seq, final String price, final String amount, final String feeRate) {
    final BigDecimal fee =
        new BigDecimal(price).multiply(new BigDecimal(amount)).multiply(new BigDecimal(feeRate));
    final Fill f =
        new Fill(
            "t-" + (++trades), Price.of(price), Quantity.of(amount), new QuoteAmount(fee), false,
            now);
    return venue(new OrderEvent.Filled(id(seq), f, now));
  }

  List<ExecutorEvent> cancelled(final int seq) {
    return venue(new OrderEvent.Cancelled(id(seq), now));
  }

  /** Rules with {@code priceIncrement} (the defaults use 0.01) and base increment 0.001. */
  TwapRun rules(final String minOrderSize, final String minNotional, final String priceIncrement) {
    rules =
        new TradingRules(
            new BigDecimal(minOrderSize), new BigDecimal(minNotional),
            new BigDecimal(priceIncrement), new BigDecimal("0.001"));
    return this;
  }

  List<ExecutorEvent> rejected(final int seq, final RejectReason reason) {
    return venue(new OrderEvent.Rejected(id(seq), reason, "refused", now));
  }

  List<ExecutorEvent> venue(final OrderEvent report) {
    return decide(new ExecutorInput.OrderUpdate(report));
  }

  OrderRequest request(final int seq) {
    return executor.orders().get(id(seq)).orElseThrow().request();
  }

  static ClientOrderId id(final int seq) {
    return ClientOrderId.forExecutor(TwapConfigs.ID, seq);
  }

  private List<ExecutorEvent> decide(final ExecutorInput input) {
    final List<ExecutorEvent> facts = executor.decide(input, market(), now);
    executor = (TwapExecutor) executor.applyAll(facts);
    journal.addAll(facts);
    final TwapExecutor replayed = (TwapExecutor) TwapExecutor.create(config).applyAll(journal);
    assertEquals(executor, replayed, "replay of the journal must rebuild the live state");
    assertEquals(executor.report(market(), now), replayed.report(market(), now));
    return facts;
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
    if (e instanceof OrderSizeRejected r) {
      return "order size rejected: " + r.reason();
    }
    if (e instanceof ExecutorEvent.OrderSubmitted s) {
      final OrderRequest r = s.request();
      final String price = r.price() == null ? "" : " @" + plain(r.price().value());
      return "submit " + r.clientOrderId() + " " + s.role() + " " + r.side() + " " + r.orderType()
          + " " + plain(r.amount().value()) + price + " " + r.positionAction();
    }
    if (e instanceof ExecutorEvent.OrderAcknowledged a) {
      return "ack " + a.clientOrderId();
    }
    if (e instanceof ExecutorEvent.FillApplied f) {
      return "fill " + f.clientOrderId() + " " + plain(f.fill().amount().value()) + "@"
          + plain(f.fill().price().value());
    }
    if (e instanceof ExecutorEvent.CancelRequested c) {
      return "cancel " + c.clientOrderId();
    }
    if (e instanceof ExecutorEvent.OrderCancelled c) {
      return "cancelled " + c.clientOrderId();
    }
    if (e instanceof ExecutorEvent.OrderFailed f) {
      return "failed " + f.clientOrderId() + " " + f.reason() + (f.countsAsRetry() ? " retry" : "");
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

  static String plain(final BigDecimal v) {
    return Decimals.canonical(v).toPlainString();
  }

  static void assertDecimal(final String expected, final BigDecimal actual) {
    assertEquals(
        0,
        new BigDecimal(expected).compareTo(actual),
        () -> "expected " + expected + " but was " + (actual == null ? null : plain(actual)));
  }
}
