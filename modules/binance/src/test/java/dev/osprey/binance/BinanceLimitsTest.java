package dev.osprey.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Binance's spot limits kept before sending, on fixed windows from the epoch, time passed in. */
class BinanceLimitsTest {
  private static final long T0 = 1_764_979_200_000L; // a day boundary (2025-12-06T00:00:00Z)

  @Test
  void shouldLetFiftyOrdersThroughPerTenSecondsAndSayWhenTheNextFits() {
    final BinanceLimits limits = BinanceLimits.spotDefaults();
    for (int i = 0; i < 50; i++) {
      assertTrue(limits.take(1, true, T0 + 1_000).allowed(), "order " + (i + 1));
    }
    final BinanceLimits.Verdict next = limits.take(1, true, T0 + 1_000);
    assertEquals(9_000, next.waitMs());
    assertEquals("ORDERS 50/10SECOND", next.limit());
    assertTrue(limits.take(1, true, T0 + 10_000).allowed(), "a new 10 s window");
  }

  @Test
  void shouldKeepToItsShareOfTheOrderLimitsButTheWholeWeightWhenNodesShareTheAccount() {
    final int[] nodes = {3};
    final BinanceLimits limits = BinanceLimits.spotDefaults(() -> nodes[0]);
    for (int i = 0; i < 16; i++) { // 50 orders per 10 s over 3 nodes
      assertTrue(limits.take(1, true, T0 + 1_000).allowed(), "order " + (i + 1));
    }
    assertEquals(9_000, limits.take(1, true, T0 + 1_000).waitMs());
    for (int i = 0; i < 100; i++) { // request weight is per IP: each node has all of it
      assertTrue(limits.take(50, false, T0 + 1_000).allowed(), "request " + (i + 1));
    }
    nodes[0] = 1; // the others left: the whole order limit again
    assertTrue(limits.take(1, true, T0 + 1_000).allowed());
  }

  @Test
  void shouldKeepTheRequestWeightPerMinute() {
    final BinanceLimits limits = BinanceLimits.spotDefaults();
    assertTrue(limits.take(5_990, false, T0).allowed());
    assertTrue(limits.take(10, false, T0 + 59_000).allowed());
    final BinanceLimits.Verdict over = limits.take(1, false, T0 + 59_000);
    assertEquals(1_000, over.waitMs());
    assertEquals("REQUEST_WEIGHT 6000/1MINUTE", over.limit());
  }

  @Test
  void shouldKeepTheDailyOrderCountAcrossTenSecondWindows() {
    final BinanceLimits limits = new BinanceLimits();
    limits.add("ORDERS", "SECOND", 10, 50);
    limits.add("ORDERS", "DAY", 1, 3);
    limits.add("RAW_REQUESTS", "MINUTE", 5, 61_000); // not kept: not an order or weight limit
    for (int i = 0; i < 3; i++) {
      assertTrue(limits.take(1, true, T0 + i * 10_000L).allowed());
    }
    final BinanceLimits.Verdict day = limits.take(1, true, T0 + 30_000);
    assertEquals("ORDERS 3/1DAY", day.limit());
    assertEquals(86_400_000 - 30_000, day.waitMs());
  }

  @Test
  void shouldNotCountARequestItRefused() {
    final BinanceLimits limits = BinanceLimits.spotDefaults();
    assertTrue(limits.take(6_000, false, T0).allowed());
    assertTrue(!limits.take(1, true, T0).allowed());
    assertTrue(limits.take(1, true, T0 + 60_000).allowed(), "the refused order was not booked");
  }
}
