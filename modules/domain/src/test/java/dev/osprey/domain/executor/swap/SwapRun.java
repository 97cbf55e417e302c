package dev.osprey.domain.executor.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives one {@link SwapExecutor} as the engine does (decide, apply, journal) and checks after
 * every decision that replay of the journal rebuilds the live state and report. Fills pay 0.1 %
 * of their notional.
 */
final class SwapRun {
  static final String ID = "sw1";
  static final TradingPair PAIR = TradingPair.parse("SOL-USDC");
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final BigDecimal FEE_RATE = new BigDecimal("0.001");

  private final SwapExecutorConfig config;
  private final List<ExecutorEvent> journal = new ArrayList<>();
  private SwapExecutor executor;
  private TopOfBook book;
  private TradingRules rules = TradingRules.DEFAULT;
  private Instant now = T0;
  private int trades;

  SwapRun(final SwapExecutorConfig config) {
    this.config = config;
    this.executor = SwapExecutor.create(config);
  }

  static SwapExecutorConfig config(
      final Side side, final String amount, final String slippage, final List<String> providers) {
    return new SwapExecutorConfig(
        ID, "ctl", T0, null, PAIR, side, Quantity.of(amount),
        slippage == null ? null : new BigDecimal(slippage), providers);
  }

  SwapExecutor executor() {
    return executor;
  }

  List<ExecutorEvent> journal() {
    return List.copyOf(journal);
  }

  ExecutorReport report() {
    return executor.report(market(), now);
  }

  SwapRun at(final long seconds) {
    now = T0.plusSeconds(seconds);
    return this;
  }

  Instant now() {
    return now;
  }

  SwapRun rules(final TradingRules r) {
    rules = r;
    return this;
  }

  SwapRun book(final String bid, final String ask) {
    book = TopOfBook.of("paper", PAIR, Price.of(bid), Price.of(ask), now);
    return this;
  }

  SwapRun noQuote() {
    book = null;
    return this;
  }

  MarketView market() {
    return MarketView.of(book, rules);
  }

  List<ExecutorEvent> start() {
    return decide(new ExecutorInput.Start());
  }

  List<ExecutorEvent> quote(final String bid, final String ask) {
    book(bid, ask);
    return decide(new ExecutorInput.MarketChanged());
  }

  List<ExecutorEvent> wake() {
    return decide(new ExecutorInput.Wake());
  }

  List<ExecutorEvent> stop(final boolean keep) {
    return decide(new ExecutorInput.Stop(keep));
  }

  List<ExecutorEvent> accepted() {
    return venue(new OrderEvent.Accepted(oid(), "x-1", now));
  }

  /** A trade of {@code amount} at {@code price}, paying {@link #FEE_RATE} of its notional. */
  List<ExecutorEvent> fill(final String price, final String amount) {
    final BigDecimal fee =
        new BigDecimal(price).multiply(new BigDecimal(amount)).multiply(FEE_RATE);
    final Fill f =
        new Fill("t-" + (++trades), Price.of(price), Quantity.of(amount), new QuoteAmount(fee),
            false, now);
    return venue(new OrderEvent.Filled(oid(), f, now));
  }

  List<ExecutorEvent> cancelled() {
    return venue(new OrderEvent.Cancelled(oid(), now));
  }

  List<ExecutorEvent> rejected(final RejectReason reason) {
    return venue(new OrderEvent.Rejected(oid(), reason, "no", now));
  }

  static ClientOrderId oid() {
    return ClientOrderId.forExecutor(ID, 1);
  }

  private List<ExecutorEvent> venue(final OrderEvent e) {
    return decide(new ExecutorInput.OrderUpdate(e));
  }

  private List<ExecutorEvent> decide(final ExecutorInput input) {
    final List<ExecutorEvent> facts = executor.decide(input, market(), now);
    executor = (SwapExecutor) executor.applyAll(facts);
    journal.addAll(facts);
    final SwapExecutor replayed = (SwapExecutor) SwapExecutor.create(config).applyAll(journal);
    assertEquals(executor, replayed, "replay of the journal must rebuild the live state");
    assertEquals(executor.report(market(), now), replayed.report(market(), now));
    return facts;
  }

  static void assertDecimal(final String expected, final BigDecimal actual) {
    assertEquals(
        0,
        new BigDecimal(expected).compareTo(actual),
        () -> "expected " + expected + ", got " + actual);
  }
}
