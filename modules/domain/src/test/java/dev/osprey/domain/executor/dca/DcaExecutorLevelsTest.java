package dev.osprey.domain.executor.dca;

import static dev.osprey.domain.executor.dca.DcaRun.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.market.Side;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Entry levels: strictly in order, one per decision, within the activation bounds on the mid. */
class DcaExecutorLevelsTest {

  @Test
  void shouldPlaceLevelsStrictlyInOrderAtMostOnePerDecision() {
    final DcaRun run = DcaConfigs.maker().amounts("100", "300", "120").prices("100", "75", "60")
        .run();
    run.book("100", "100.01");

    assertEquals(
        List.of("started", "submit dca-1-1 level_0 BUY LIMIT 1 @100 OPEN"), describe(run.start()));
    assertEquals(
        List.of("ack dca-1-1", "submit dca-1-2 level_1 BUY LIMIT 4 @75 OPEN"),
        describe(run.accept(1)));
    assertEquals(List.of("submit dca-1-3 level_2 BUY LIMIT 2 @60 OPEN"), describe(run.tick()));
    assertEquals(List.of(), run.tick(), "every level is placed");
  }

  @Test
  void shouldTakeTakerLevelsAtMarketForTheirConfiguredAmount() {
    assertSecondLevelOnlyWhenNear(
        DcaConfigs.taker().side(Side.SELL).prices("100", "125").amounts("100", "250").run(),
        "submit dca-1-1 level_0 SELL MARKET 1 OPEN",
        "110", "125 is far from the mid",
        "124.9", "125.1", "submit dca-1-2 level_1 SELL MARKET 2 OPEN");
  }

  @Test
  void shouldPlaceTheNextMakerLevelOnlyOnceTheMarketComesNear() {
    assertSecondLevelOnlyWhenNear(
        DcaConfigs.maker().bounds("0.05").run(),
        "submit dca-1-1 level_0 BUY LIMIT 1 @100 OPEN",
        "79", "75 > 79·0.95 = 75.05 is false",
        "78.9", "78.9", "submit dca-1-2 level_1 BUY LIMIT 4 @75 OPEN");
  }

  /**
   * The first level goes out when the run starts at mid 100, nothing while the mid is {@code far},
   * and the second level once the book is {@code nearBid}/{@code nearAsk}.
   */
  private static void assertSecondLevelOnlyWhenNear(
      final DcaRun run,
      final String first,
      final String far,
      final String whyNotYet,
      final String nearBid,
      final String nearAsk,
      final String second) {
    assertEquals(List.of("started", first), describe(run.book("100", "100").start()));
    assertEquals(List.of(), run.quote(far, far), whyNotYet);
    assertEquals(List.of(second), describe(run.quote(nearBid, nearAsk)));
  }

  @ParameterizedTest(name = "{0} {1} bounds {2} level 100, mid {3} -> {4}")
  @CsvSource({
    // MAKER: buy iff 100 > mid·(1−b0); sell iff 100 < mid·(1+b0), strictly
    "MAKER, BUY,  0.2,       124.99, true",
    "MAKER, BUY,  0.2,       125,    false",
    "MAKER, BUY,  0.2,       90,     true",
    "MAKER, SELL, 0.25,      80.01,  true",
    "MAKER, SELL, 0.25,      80,     false",
    "MAKER, SELL, 0.25,      120,    true",
    // TAKER: buy iff 99 < mid < 102; sell iff 98 < mid < 101 (bounds 0.01 below, 0.02 above)
    "TAKER, BUY,  0.01|0.02, 99,     false",
    "TAKER, BUY,  0.01|0.02, 99.01,  true",
    "TAKER, BUY,  0.01|0.02, 101.99, true",
    "TAKER, BUY,  0.01|0.02, 102,    false",
    "TAKER, SELL, 0.01|0.02, 98,     false",
    "TAKER, SELL, 0.01|0.02, 98.01,  true",
    "TAKER, SELL, 0.01|0.02, 100.99, true",
    "TAKER, SELL, 0.01|0.02, 101,    false",
    // TAKER default window: 99.99 < mid < 100.5 for a buy
    "TAKER, BUY,  ,          99.99,  false",
    "TAKER, BUY,  ,          100.49, true",
    "TAKER, BUY,  ,          100.5,  false",
  })
  void shouldPlaceALevelOnlyWithinItsActivationBounds(
      final DcaMode mode,
      final Side side,
      final String bounds,
      final String mid,
      final boolean placed) {
    final DcaConfigs configs =
        DcaConfigs.maker().mode(mode).side(side).prices("100").amounts("100");
    if (bounds != null) {
      configs.bounds(bounds.split("\\|"));
    }
    final DcaRun run = configs.run();

    final List<String> events = describe(run.book(mid, mid).start());

    assertEquals(placed ? 2 : 1, events.size(), events.toString());
  }

  @Test
  void shouldFloorLevelPriceAndAmountToTheVenueIncrements() {
    final DcaRun run = DcaConfigs.maker().prices("100.009").amounts("100").run();

    // 100 / 100.009 = 0.99991... -> 0.999; price 100.009 -> 100.00
    assertEquals(
        List.of("started", "submit dca-1-1 level_0 BUY LIMIT 0.999 @100 OPEN"),
        describe(run.start()));
  }

  @Test
  void shouldNotPlaceLevelsOnceExpired() {
    final DcaRun run = DcaConfigs.maker().timeLimit(60).bounds("0.01").run();
    run.book("100", "100").start();
    run.fill(1, "100", "1", "0");

    assertEquals(
        List.of("shutdown TIME_LIMIT", "submit dca-1-2 close SELL MARKET 1 CLOSE"),
        describe(run.at(60).quote("75", "75")),
        "level 1 would be in bounds now, but the time is up");
  }

  @Test
  void shouldNeverCancelAPlacedLevelThatLeftTheBounds() {
    final DcaRun run = DcaConfigs.maker().bounds("0.05").run();
    run.book("100", "100").start();

    assertEquals(List.of(), run.quote("120", "120"));
    assertEquals(1, run.executor().orders().live().size());
  }
}
