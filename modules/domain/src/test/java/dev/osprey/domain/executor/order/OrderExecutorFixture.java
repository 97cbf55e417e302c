package dev.osprey.domain.executor.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorInput;
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

/** Builders and a driver for order executor tests: decide, then apply, like the engine does. */
final class OrderExecutorFixture {
  static final String CONNECTOR = "paper";
  static final TradingPair PAIR = TradingPair.parse("BTC-USDT");
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final String ID = "ex1";

  private OrderExecutorFixture() {}

  static OrderExecutorConfig config(
      final ExecutionStrategy strategy, final Side side, final String amount, final String price,
      final String distance, final String threshold) {
    return new OrderExecutorConfig(
        ID, "ctl", T0, CONNECTOR, PAIR, side, Quantity.of(amount), null,
        price == null ? null : Price.of(price),
        distance == null
            ? null
            : new LimitChaserConfig(new BigDecimal(distance), new BigDecimal(threshold)),
        strategy, null, "L1");
  }

  static OrderExecutorConfig chaser(
      final Side side, final String amount, final String distance, final String threshold) {
    return config(ExecutionStrategy.LIMIT_CHASER, side, amount, null, distance, threshold);
  }

  static MarketView book(final String bid, final String ask) {
    return MarketView.of(
        TopOfBook.of(CONNECTOR, PAIR, Price.of(bid), Price.of(ask), T0), TradingRules.DEFAULT);
  }

  static MarketView noQuote() {
    return MarketView.of(null, TradingRules.DEFAULT);
  }

  static Instant at(final long seconds) {
    return T0.plusSeconds(seconds);
  }

  static ClientOrderId oid(final int n) {
    return ClientOrderId.forExecutor(ID, n);
  }

  static ExecutorInput.OrderUpdate filled(
      final int order,
      final String trade,
      final String price,
      final String amount,
      final String fee) {
    return new ExecutorInput.OrderUpdate(
        new OrderEvent.Filled(
            oid(order),
            new Fill(trade, Price.of(price), Quantity.of(amount), QuoteAmount.of(fee), true, T0),
            T0));
  }

  static ExecutorInput.OrderUpdate cancelled(final int order) {
    return new ExecutorInput.OrderUpdate(new OrderEvent.Cancelled(oid(order), T0));
  }

  static ExecutorInput.OrderUpdate rejected(final int order, final RejectReason reason) {
    return new ExecutorInput.OrderUpdate(new OrderEvent.Rejected(oid(order), reason, "no", T0));
  }

  static ExecutorEvent last(final List<ExecutorEvent> events) {
    return events.get(events.size() - 1);
  }

  /** One executor run: each decision is applied and its events kept, as the engine does. */
  static final class Run {
    OrderExecutor state;
    final List<ExecutorEvent> journal = new ArrayList<>();

    Run(final OrderExecutorConfig config) {
      this.state = OrderExecutor.create(config);
    }

    /**
     * A BUY chaser for 1 (distance 0.001, threshold 0.002) whose first order at 99.90 filled 0.3
     * before the bid moved to 100.50, which asked the venue to cancel it.
     */
    static Run renewedChaserMoved() {
      final Run run = new Run(chaser(Side.BUY, "1", "0.001", "0.002"));
      run.start(book("100", "100.1"));
      run.on(filled(1, "t1", "99.9", "0.3", "0.03"), book("100", "100.1"), at(1));
      run.on(new ExecutorInput.MarketChanged(), book("100.5", "100.6"), at(2));
      return run;
    }

    /** {@link #renewedChaserMoved}, cancel confirmed, and the renewal at 100.39 filled 0.7. */
    static Run renewedChaserFilled() {
      final Run run = renewedChaserMoved();
      run.on(cancelled(1), book("100.5", "100.6"), at(3));
      run.on(filled(2, "t2", "100.39", "0.7", "0.07"), book("100.5", "100.6"), at(4));
      return run;
    }

    List<ExecutorEvent> on(final ExecutorInput input, final MarketView market, final Instant now) {
      final List<ExecutorEvent> events = state.decide(input, market, now);
      journal.addAll(events);
      state = (OrderExecutor) state.applyAll(events);
      return events;
    }

    List<ExecutorEvent> start(final MarketView market) {
      return on(new ExecutorInput.Start(), market, T0);
    }

    /** The order requests submitted by {@code events}. */
    static List<ExecutorEvent.OrderSubmitted> submitted(final List<ExecutorEvent> events) {
      return events.stream()
          .filter(ExecutorEvent.OrderSubmitted.class::isInstance)
          .map(ExecutorEvent.OrderSubmitted.class::cast)
          .toList();
    }

    static ExecutorEvent.OrderSubmitted onlySubmitted(final List<ExecutorEvent> events) {
      final List<ExecutorEvent.OrderSubmitted> s = submitted(events);
      assertEquals(1, s.size(), () -> "expected one submitted order in " + events);
      return s.get(0);
    }
  }
}
