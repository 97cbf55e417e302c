package dev.osprey.domain.executor.position;

import static dev.osprey.domain.executor.position.PositionRun.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.order.OrderType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Activation bounds: where an open order may rest, and the cancel / re-place around them. */
class ActivationBoundsTest {

  @ParameterizedTest(name = "{0} {1} at {2}, bounds {3}/{4}, book {5}/{6} -> {7}")
  @CsvSource({
    // limit types: BUY iff price >= mid(1 - b0), SELL iff price <= mid(1 + b0)
    "BUY,  LIMIT,       99,  0.01, ,     99.99,  100.01, true",  // mid 100: 99 >= 99
    "BUY,  LIMIT,       99,  0.01, ,     100,    100.02, false", // mid 100.01: 99 < 99.0099
    "BUY,  LIMIT_MAKER, 99,  0.01, ,     99.99,  100.01, true",
    "SELL, LIMIT,       101, 0.01, ,     99.99,  100.01, true",  // 101 <= 101
    "SELL, LIMIT,       101, 0.01, ,     99.98,  100,    false", // mid 99.99: 101 > 100.9899
    // market: BUY iff p(1 - b0) <= mid <= p(1 + b1), SELL iff p(1 - b1) <= mid <= p(1 + b0)
    "BUY,  MARKET,      100, 0.01, 0.02, 98.99,  99.01,  true",  // mid 99 = low
    "BUY,  MARKET,      100, 0.01, 0.02, 98.98,  99,     false",
    "BUY,  MARKET,      100, 0.01, 0.02, 101.99, 102.01, true",  // mid 102 = high
    "BUY,  MARKET,      100, 0.01, 0.02, 102,    102.02, false",
    "SELL, MARKET,      100, 0.01, 0.02, 97.99,  98.01,  true",  // mid 98 = low
    "SELL, MARKET,      100, 0.01, 0.02, 97.98,  98,     false",
    "SELL, MARKET,      100, 0.01, 0.02, 100.99, 101.01, true",  // mid 101 = high
    "SELL, MARKET,      100, 0.01, 0.02, 101,    101.02, false",
  })
  void shouldAllowAnOrderOnlyWithinTheBounds(
      final Side side, final OrderType type, final String price, final String b0, final String b1,
      final String bid, final String ask, final boolean expected) {
    final List<BigDecimal> bounds = new ArrayList<>(List.of(new BigDecimal(b0)));
    if (b1 != null) {
      bounds.add(new BigDecimal(b1));
    }
    final TopOfBook book = book(bid, ask);

    assertEquals(expected, ActivationBounds.allow(bounds, Price.of(price), side, type, book));
  }

  @Test
  void shouldAlwaysAllowWithoutBounds() {
    final TopOfBook far = book("500", "501");

    assertEquals(true, ActivationBounds.allow(null, Price.of("1"), Side.BUY, OrderType.LIMIT, far));
  }

  @Test
  void shouldPlaceCancelAndRePlaceTheOpenOrderAsTheMarketMovesAcrossTheBounds() {
    final PositionRun run = PositionConfigs.buy().entry("99").bounds("0.01").run();

    assertEquals(
        List.of("started"), describe(run.book("100.5", "100.52").start()), "mid 100.51: too far");
    assertEquals(
        List.of("submit pe-1-1 open BUY LIMIT 1 @99 OPEN"), describe(run.quote("99.99", "100.01")));
    run.accept(1);
    assertEquals(List.of("cancel pe-1-1"), describe(run.quote("100.5", "100.52")));
    assertEquals(List.of(), run.quote("100.6", "100.62"), "the cancel is pending");
    assertEquals(List.of("cancelled pe-1-1"), describe(run.cancelled(1)));
    assertEquals(List.of(), run.quote("100.4", "100.42"));
    assertEquals(
        List.of("submit pe-1-2 open BUY LIMIT 1 @99 OPEN"), describe(run.quote("99.99", "100.01")));
  }

  @Test
  void shouldKeepAPartlyFilledOpenOrderOutsideTheBounds() {
    final PositionRun run = PositionConfigs.buy().entry("99").bounds("0.01").run();
    run.book("99.99", "100.01").start();
    run.fill(1, "99", "0.3", "0");

    assertEquals(List.of(), run.quote("100.5", "100.52"));
  }

  @Test
  void shouldOrderOnlyTheRestAfterACancelledOrderTraded() {
    final PositionRun run = PositionConfigs.buy().entry("99").bounds("0.01").run();
    run.book("99.99", "100.01").start();
    run.quote("100.5", "100.52");
    run.fill(1, "99", "0.3", "0"); // trades while its cancel is on the way
    run.cancelled(1);

    assertEquals(
        List.of("submit pe-1-2 open BUY LIMIT 0.7 @99 OPEN"),
        describe(run.quote("99.99", "100.01")));
  }

  private static TopOfBook book(final String bid, final String ask) {
    return TopOfBook.of(
        "paper", PositionConfigs.BTC_USDT, Price.of(bid), Price.of(ask), PositionConfigs.T0);
  }
}
