package dev.osprey.domain.executor.position;

import static dev.osprey.domain.executor.position.PositionRun.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExpiryContract;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.StartContract;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.OrderType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Start of a position executor: entry price, the open order, expiry. */
class PositionExecutorStartTest
    implements StartContract<PositionRun>, ExpiryContract<PositionRun> {
  /** With a time limit, which must not act before the start. */
  @Override
  public PositionRun unstarted() {
    return PositionConfigs.buy().timeLimit(60).run();
  }

  @Test
  void shouldRefuseAnInvalidConfig() {
    final PositionExecutorConfig bad = PositionConfigs.buy().amount("0").build();

    assertThrows(FieldViolation.Invalid.class, () -> PositionExecutor.create(bad));
  }

  @ParameterizedTest(name = "{0} {1} entry {2}, book {3}/{4} -> {5}")
  @CsvSource({
    "BUY,  LIMIT,       100,     99,    101,   submit pe-1-1 open BUY LIMIT 1 @100 OPEN",
    "SELL, LIMIT,       100,     99,    101,   submit pe-1-1 open SELL LIMIT 1 @100 OPEN",
    "SELL, LIMIT,       100.009, 99,    101,   submit pe-1-1 open SELL LIMIT 1 @100 OPEN",
    "BUY,  LIMIT_MAKER, 100,     99,    101,   submit pe-1-1 open BUY LIMIT_MAKER 1 @99 OPEN",
    "BUY,  LIMIT_MAKER, 100,     100.5, 101,   submit pe-1-1 open BUY LIMIT_MAKER 1 @100 OPEN",
    "SELL, LIMIT_MAKER, 100,     99,    101,   submit pe-1-1 open SELL LIMIT_MAKER 1 @101 OPEN",
    "SELL, LIMIT_MAKER, 100,     99,    99.5,  submit pe-1-1 open SELL LIMIT_MAKER 1 @100 OPEN",
    "BUY,  MARKET,      100,     99,    101,   submit pe-1-1 open BUY MARKET 1 OPEN",
  })
  void shouldPlaceTheOpenOrderAtStart(
      final Side side, final OrderType type, final String entry, final String bid, final String ask,
      final String expected) {
    final PositionRun run = PositionConfigs.buy().side(side).openType(type).entry(entry).run();

    final var events = run.book(bid, ask).start();

    assertEquals(List.of("started", expected), describe(events));
    assertEquals(RunnableStatus.RUNNING, run.executor().status());
  }

  @Test
  void shouldFloorTheOpenAmountToTheBaseIncrement() {
    final PositionRun run = PositionConfigs.buy().amount("1.0005").run();

    assertEquals(
        List.of("started", "submit pe-1-1 open BUY LIMIT 1 @100 OPEN"),
        describe(run.book("99", "101").start()));
  }

  @Test
  void shouldPlaceNoOrderWhenExpiredAtStart() {
    final PositionRun run = PositionConfigs.buy().timeLimit(60).run();
    run.book("99", "101").at(60).start();

    assertEquals(RunnableStatus.TERMINATED, run.executor().status());
    assertEquals(Optional.of(CloseType.EXPIRED), run.executor().closeType());
    assertTrue(run.executor().orders().all().isEmpty());
    assertEquals(List.of(), run.tick());
  }

  @ParameterizedTest(name = "{0} without entry price takes {3}")
  @CsvSource({
    "BUY,  99, 101, 99",
    "SELL, 99, 101, 101",
  })
  void shouldResolveTheEntryPriceFromTheBookAtStart(
      final Side side, final String bid, final String ask, final String entry) {
    final PositionRun run = PositionConfigs.buy().side(side).entry(null).run();

    final var events = run.book(bid, ask).start();

    assertEquals(
        List.of("started", "entry " + entry,
            "submit pe-1-1 open " + side + " LIMIT 1 @" + entry + " OPEN"),
        describe(events));
    assertEquals(entry, run.executor().config().entryPrice().toString());
  }

  @Test
  void shouldWaitForTheFirstQuoteWhenNoEntryPriceAndNoBook() {
    final PositionRun run = PositionConfigs.buy().entry(null).run();

    assertEquals(List.of("started"), describe(run.start()));
    assertEquals(
        List.of("entry 99.5", "submit pe-1-1 open BUY LIMIT 1 @99.5 OPEN"),
        describe(run.quote("99.5", "100")));
    assertEquals(List.of(), run.quote("99.4", "100"), "the entry price is fixed once");
  }

  @Test
  void shouldWakeUpAtTheTimeLimitOnlyWhileRunning() {
    final PositionRun run = PositionConfigs.buy().timeLimit(60).run();
    assertEquals(Optional.empty(), run.executor().wakeUpAt());

    run.book("99", "101").start();
    assertEquals(Optional.of(PositionConfigs.T0.plusSeconds(60)), run.executor().wakeUpAt());

    run.stop(false);
    assertEquals(RunnableStatus.SHUTTING_DOWN, run.executor().status());
    assertEquals(Optional.empty(), run.executor().wakeUpAt());

    run.cancelled(1);
    assertEquals(RunnableStatus.TERMINATED, run.executor().status());
    assertEquals(Optional.empty(), run.executor().wakeUpAt());
  }

  @Test
  void shouldNeverWakeUpWithoutTimeLimit() {
    final PositionRun run = PositionConfigs.buy().run();
    run.book("99", "101").start();

    assertEquals(Optional.empty(), run.executor().wakeUpAt());
  }

  @Override
  public LimitedRun<PositionRun> limitedTo60s() {
    return new LimitedRun<>(() -> PositionConfigs.buy().timeLimit(60).run(),
        "submit pe-1-1 open BUY LIMIT 1 @100 OPEN");
  }
}
