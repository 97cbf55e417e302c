package dev.osprey.domain.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.ReadableOrderIds;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Drives one executor the way the engine does: every input goes through {@code decide}, the facts
 * are applied and journaled. After every decision it checks that replay (a fresh executor folded
 * with the whole journal) rebuilds exactly the live state and report, so every scenario is also a
 * recovery test. Fills are scripted with an explicit fee rate: the fee is {@code
 * price·amount·rate} in quote, as the venue charges it.
 *
 * <p>Books and rules are kept per market; a single-market executor sees only its primary market
 * ({@code "paper"} and its pair), a cross-venue run overrides {@link #market}.
 *
 * @param <E> the executor type
 * @param <R> the concrete run, so that setters chain
 * @param <O> what a decision returns to the test: the facts, or their text
 */
public abstract class ExecutorRun<E extends Executor, R extends ExecutorRun<E, R, O>, O> {
  private final Supplier<E> fresh;
  private final Function<List<ExecutorEvent>, O> output;
  private final ConnectorPair primary;
  private final String executorId;
  private final Instant t0;
  private final List<ExecutorEvent> journal = new ArrayList<>();
  private final Map<ConnectorPair, TopOfBook> books = new LinkedHashMap<>();
  private final Map<ConnectorPair, TradingRules> rules = new LinkedHashMap<>();
  private E executor;
  private Instant now;
  private int trades;

  /**
   * @param fresh a new executor of the config under test (its id names the orders)
   * @param primary the market that {@link #book(String, String)} and {@link #rules(TradingRules)}
   *     set
   * @param t0 the first instant, which {@link #at} counts from
   * @param output what a decision returns, from its facts
   */
  protected ExecutorRun(
      final Supplier<E> fresh,
      final ConnectorPair primary,
      final Instant t0,
      final Function<List<ExecutorEvent>, O> output) {
    this.fresh = fresh;
    this.output = output;
    this.primary = primary;
    this.t0 = t0;
    this.now = t0;
    this.executor = fresh.get();
    this.executorId = executor.config().id();
    ReadableOrderIds.register(executorId);
  }

  /** A run on {@code "paper"} {@code pair}. */
  protected ExecutorRun(
      final Supplier<E> fresh,
      final TradingPair pair,
      final Instant t0,
      final Function<List<ExecutorEvent>, O> output) {
    this(fresh, new ConnectorPair("paper", pair), t0, output);
  }

  @SuppressWarnings("unchecked")
  protected final R self() {
    return (R) this;
  }

  public E executor() {
    return executor;
  }

  public List<ExecutorEvent> journal() {
    return List.copyOf(journal);
  }

  /** What the executor sees: its primary market only. */
  public MarketView market() {
    return MarketView.of(books.get(primary), rules.getOrDefault(primary, TradingRules.DEFAULT));
  }

  /** Every market with its book and rules, {@code primary} first: for cross-venue runs. */
  protected MarketView markets() {
    return MarketView.of(primary, books, rules);
  }

  public ExecutorReport report() {
    return executor.report(market(), now);
  }

  public Instant now() {
    return now;
  }

  public R rules(final TradingRules r) {
    return rules(primary, r);
  }

  public R rules(final ConnectorPair m, final TradingRules r) {
    rules.put(m, r);
    return self();
  }

  /** Moves the clock to {@code seconds} after the first instant. */
  public R at(final long seconds) {
    now = t0.plusSeconds(seconds);
    return self();
  }

  /** Sets the primary book without telling the executor (as if it was there before). */
  public R book(final String bid, final String ask) {
    return book(primary, bid, ask);
  }

  /** Sets the book of {@code m} without telling the executor. */
  public R book(final ConnectorPair m, final String bid, final String ask) {
    books.put(m, TopOfBook.of(m.connectorName(), m.tradingPair(), Price.of(bid), Price.of(ask), now));
    return self();
  }

  /** Takes the primary book away (no quote). */
  public R noBook() {
    books.remove(primary);
    return self();
  }

  public O start() {
    return decide(new ExecutorInput.Start());
  }

  public O quote(final String bid, final String ask) {
    return quote(primary, bid, ask);
  }

  public O quote(final ConnectorPair m, final String bid, final String ask) {
    book(m, bid, ask);
    return decide(new ExecutorInput.MarketChanged());
  }

  public O tick() {
    return decide(new ExecutorInput.MarketChanged());
  }

  public O wake() {
    return decide(new ExecutorInput.Wake());
  }

  public O stop(final boolean keepPosition) {
    return decide(new ExecutorInput.Stop(keepPosition));
  }

  public O accept(final int seq) {
    return venue(new OrderEvent.Accepted(orderId(seq), "x-" + seq, now));
  }

  /** A trade of {@code amount} at {@code price} on order {@code seq}, paying {@code feeRate}. */
  public O fill(final int seq, final String price, final String amount, final String feeRate) {
    final BigDecimal fee = new BigDecimal(price).multiply(new BigDecimal(amount)).multiply(new BigDecimal(feeRate));
    final Fill f = new Fill("t-" + (++trades), Price.of(price), Quantity.of(amount), new QuoteAmount(fee), false, now);
    return venue(new OrderEvent.Filled(orderId(seq), f, now));
  }

  public O cancelled(final int seq) {
    return venue(new OrderEvent.Cancelled(orderId(seq), now));
  }

  public O rejected(final int seq, final RejectReason reason) {
    return venue(new OrderEvent.Rejected(orderId(seq), reason, "refused", now));
  }

  public O venue(final OrderEvent report) {
    return decide(new ExecutorInput.OrderUpdate(report));
  }

  public TrackedOrder order(final int seq) {
    return executor.orders().get(orderId(seq)).orElseThrow();
  }

  public OrderRequest request(final int seq) {
    return order(seq).request();
  }

  /** The id of this executor's order number {@code seq}. */
  public ClientOrderId orderId(final int seq) {
    return ClientOrderId.forExecutor(executorId, seq);
  }

  /**
   * Replays the journal into a fresh executor and asserts that it is the live state, decides the
   * same on the next market change and reports the same; the live executor's decision, which is
   * not applied.
   */
  public List<ExecutorEvent> assertReplayDecidesLikeLive() {
    final Executor replayed = fresh.get().applyAll(journal);
    assertEquals(executor, replayed);
    final ExecutorInput tick = new ExecutorInput.MarketChanged();
    final List<ExecutorEvent> live = executor.decide(tick, market(), now);
    assertEquals(live, replayed.decide(tick, market(), now));
    assertEquals(executor.report(market(), now), replayed.report(market(), now));
    return live;
  }

  @SuppressWarnings("unchecked")
  private O decide(final ExecutorInput input) {
    final List<ExecutorEvent> facts = executor.decide(input, market(), now);
    executor = (E) executor.applyAll(facts);
    journal.addAll(facts);
    final E replayed = (E) fresh.get().applyAll(journal);
    assertEquals(executor, replayed, "replay of the journal must rebuild the live state");
    assertEquals(executor.report(market(), now), replayed.report(market(), now));
    return output.apply(facts);
  }
}
