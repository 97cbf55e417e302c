package dev.osprey.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.exchange.venue.Backoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OkxRateLimiterTest {
  private final OkxRateLimiter limiter = OkxRateLimiter.okxOrders(() -> 1);

  @Test
  void shouldSendSixtyOrdersOfOneInstrumentAtOnce() {
    for (int i = 0; i < 60; i++) {
      assertEquals(0, limiter.reserve("BTC-USDT", 1_000));
    }
  }

  @Test
  void shouldDelayTheSixtyFirstUntilTheFirstLeavesTheWindow() {
    for (int i = 0; i < 60; i++) {
      limiter.reserve("BTC-USDT", 1_000);
    }
    assertEquals(1_500, limiter.reserve("BTC-USDT", 1_500)); // slot 3000 = 1000 + 2000
    assertEquals(
        1_500,
        limiter.reserve("BTC-USDT", 1_500)); // the second of the 1000 batch frees at 3000 too
  }

  @Test
  void shouldCountEachInstrumentApart() {
    for (int i = 0; i < 60; i++) {
      limiter.reserve("BTC-USDT", 0);
    }
    assertEquals(0, limiter.reserve("ETH-USDT", 0));
    assertEquals(2_000, limiter.reserve("BTC-USDT", 0));
  }

  @Test
  void shouldFreeTheWholeWindowOnceItHasPassed() {
    for (int i = 0; i < 60; i++) {
      limiter.reserve("BTC-USDT", 0);
    }
    for (int i = 0; i < 60; i++) {
      assertEquals(0, limiter.reserve("BTC-USDT", 2_000));
    }
    assertEquals(2_000, limiter.reserve("BTC-USDT", 2_000));
  }

  @Test
  void shouldKeepOrderWhenAWindowHoldsTwoBatches() {
    final OkxRateLimiter small = new OkxRateLimiter(2, 100);
    assertEquals(0, small.reserve("X", 0));
    assertEquals(0, small.reserve("X", 0));
    assertEquals(100, small.reserve("X", 0));
    assertEquals(100, small.reserve("X", 0));
    assertEquals(200, small.reserve("X", 0));
    assertEquals(150, small.reserve("X", 50)); // slot 200: never before one already booked
  }

  @Test
  void shouldKeepToItsShareWhenNodesShareTheAccount() {
    final int[] nodes = {3};
    final OkxRateLimiter shared = OkxRateLimiter.okxOrders(() -> nodes[0]);
    for (int i = 0; i < 20; i++) {
      assertEquals(0, shared.reserve("BTC-USDT", 0)); // 60 / 3 nodes
    }
    assertEquals(2_000, shared.reserve("BTC-USDT", 0));
    nodes[0] = 1; // the others left: the whole limit again
    for (int i = 0; i < 60; i++) {
      assertEquals(0, shared.reserve("ETH-USDT", 0));
    }
    assertEquals(2_000, shared.reserve("ETH-USDT", 0));
    nodes[0] = 100; // more nodes than the limit: still one order per window each
    assertEquals(0, shared.reserve("SOL-USDT", 0));
    assertEquals(2_000, shared.reserve("SOL-USDT", 0));
  }

  @Test
  void shouldDoubleReconnectDelaysUpToTheCap() {
    final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1_000));
    assertEquals(Duration.ofMillis(100), backoff.delay(0));
    assertEquals(Duration.ofMillis(200), backoff.delay(1));
    assertEquals(Duration.ofMillis(800), backoff.delay(3));
    assertEquals(Duration.ofMillis(1_000), backoff.delay(4));
    assertEquals(Duration.ofMillis(1_000), backoff.delay(500));
  }
}
