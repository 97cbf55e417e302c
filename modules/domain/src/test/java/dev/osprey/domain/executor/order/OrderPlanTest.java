package dev.osprey.domain.executor.order;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.book;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.config;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.oid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderPlanTest {

  @ParameterizedTest(name = "{0} {1} price={2} distance={3} bid={4} ask={5} -> {6} @ {7}")
  @CsvSource(
      nullValues = "-",
      value = {
        // strategy,   side, price,   distance, bid,    ask,    type,        expected price
        "MARKET,       BUY,  -,       -,        100,    101,    MARKET,      -",
        "MARKET,       SELL, -,       -,        100,    101,    MARKET,      -",
        "LIMIT,        BUY,  99.5,    -,        100,    101,    LIMIT,       99.5",
        "LIMIT,        SELL, 102.25,  -,        100,    101,    LIMIT,       102.25",
        "LIMIT,        BUY,  99.999,  -,        100,    101,    LIMIT,       99.99",
        "LIMIT_MAKER,  BUY,  105,     -,        100,    101,    LIMIT_MAKER, 100",
        "LIMIT_MAKER,  BUY,  99.5,    -,        100,    101,    LIMIT_MAKER, 99.5",
        "LIMIT_MAKER,  SELL, 95,      -,        100,    101,    LIMIT_MAKER, 101",
        "LIMIT_MAKER,  SELL, 103,     -,        100,    101,    LIMIT_MAKER, 103",
        "LIMIT_CHASER, BUY,  -,       0.001,    100,    101,    LIMIT_MAKER, 99.9",
        "LIMIT_CHASER, SELL, -,       0.001,    100,    101,    LIMIT_MAKER, 101.1",
        "LIMIT_CHASER, BUY,  -,       0.0005,   100.37, 100.5,  LIMIT_MAKER, 100.31",
        "LIMIT_CHASER, SELL, -,       0,        100,    101,    LIMIT_MAKER, 101",
      })
  void shouldPriceEachStrategyFromTheBookAndFloorToThePriceIncrement(
      final ExecutionStrategy strategy, final Side side, final String price, final String distance,
      final String bid, final String ask, final OrderType type, final String expected) {
    final OrderExecutorConfig c =
        config(strategy, side, "1", price, distance, distance == null ? null : "0.01");
    final OrderPlan plan = OrderPlan.next(c, oid(1), Quantity.of("1"), book(bid, ask));
    final OrderRequest r = assertInstanceOf(OrderPlan.Place.class, plan).request();
    assertEquals(type, r.orderType());
    assertEquals(side, r.side());
    if (expected == null) {
      assertNull(r.price());
    } else {
      assertDecimal(expected, r.price().value());
    }
  }

  @ParameterizedTest(name = "remaining {0} -> {1}")
  @CsvSource({"1.0005, 1", "0.7, 0.7", "0.0119, 0.011"})
  void shouldFloorTheAmountToTheBaseIncrement(final String remaining, final String expected) {
    final OrderExecutorConfig c = config(ExecutionStrategy.LIMIT, Side.BUY, "2", "100", null, null);
    final OrderPlan plan = OrderPlan.next(c, oid(1), Quantity.of(remaining), book("100", "101"));
    final OrderRequest r = assertInstanceOf(OrderPlan.Place.class, plan).request();
    assertDecimal(expected, r.amount().value());
  }

  @ParameterizedTest(name = "{0}: remaining {1} at {2} is unplaceable")
  @CsvSource({
    "below min_notional,   0.005,  100",
    "rounds to zero,       0.0004, 100",
  })
  void shouldRefuseAnAmountBelowTheVenueMinimums(
      final String why, final String remaining, final String px) {
    final OrderExecutorConfig c = config(ExecutionStrategy.LIMIT, Side.BUY, "1", px, null, null);
    final OrderPlan plan = OrderPlan.next(c, oid(1), Quantity.of(remaining), book("100", "101"));
    assertInstanceOf(OrderPlan.Unplaceable.class, plan, why);
  }

  @ParameterizedTest(name = "{0} without a quote waits")
  @CsvSource({"LIMIT_MAKER, 100, -", "LIMIT_CHASER, -, 0.001"})
  void shouldWaitForAQuoteWhenTheStrategyPricesOffTheBook(
      final ExecutionStrategy strategy, final String price, final String distance) {
    final OrderExecutorConfig c =
        config(strategy, Side.BUY, "1", "-".equals(price) ? null : price,
            "-".equals(distance) ? null : distance, "0.01");
    final OrderPlan plan =
        OrderPlan.next(c, oid(1), Quantity.of("1"), OrderExecutorFixture.noQuote());
    assertInstanceOf(OrderPlan.WaitForQuote.class, plan);
  }

  @ParameterizedTest(name = "{0} order at {1}, book {2}/{3}, threshold {4} -> stale {5}")
  @CsvSource({
    // BUY renews iff bid - price > bid * threshold (strict)
    "BUY,  99.90,  100.00, 100.10, 0.001, false",
    "BUY,  99.90,  100.01, 100.10, 0.001, true",
    "BUY,  99.90,  99.00,  99.10,  0.001, false",
    "BUY,  99.90,  100.50, 100.60, 0.002, true",
    // SELL renews iff price - ask > ask * threshold (strict)
    "SELL, 101.10, 100.90, 101.00, 0.001, false",
    "SELL, 101.10, 100.90, 100.99, 0.001, true",
    "SELL, 100.10, 99.90,  100.00, 0.001, false",
    "SELL, 101.10, 101.50, 102.00, 0.001, false",
  })
  void shouldRenewAChaserOnlyWhenTheMarketMovedAwayBeyondTheThreshold(
      final Side side, final String orderPrice, final String bid, final String ask,
      final String threshold, final boolean stale) {
    final OrderExecutorConfig c = OrderExecutorFixture.chaser(side, "1", "0.001", threshold);
    final MarketView m = book(bid, ask);
    assertEquals(stale, OrderPlan.isStale(c, Price.of(orderPrice), m.book()));
  }
}
