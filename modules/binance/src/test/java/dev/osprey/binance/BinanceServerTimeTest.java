package dev.osprey.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.testkit.OrderEventProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signed requests carry Binance's time: a local clock an hour off still trades, and a venue clock
 * that jumps afterwards (-1021) makes the connector read Binance's time again and send once.
 */
class BinanceServerTimeTest {
  private final SkewedClock venueClock = new SkewedClock(Duration.ofHours(1));
  private final BinanceVenueFixture venue = new BinanceVenueFixture(venueClock);
  private final OrderEventProbe events = new OrderEventProbe();

  @AfterEach
  void stop() {
    venue.close();
  }

  @Test
  void shouldTradeWhenTheLocalClockIsAnHourBehindBinances() throws Exception {
    venue.sim.setTicker("BTCUSDT", "99.9", "100");
    final BinanceExchange binance = venue.connector();
    binance.subscribeOrderEvents(events);
    final ClientOrderId id = venue.nextId();
    binance.place(venue.market(id, Side.BUY, "0.01")).toCompletableFuture().get(10, TimeUnit.SECONDS);
    events.awaitFilled(id, "0.01");
    assertEquals(0, venue.sim.count("rejected-key"));
  }

  @Test
  void shouldReadBinancesTimeAgainAfterATimestampError() throws Exception {
    venue.sim.setTicker("BTCUSDT", "99.9", "100");
    final BinanceExchange binance = venue.connector();
    binance.subscribeOrderEvents(events);
    venueClock.shift(Duration.ofMinutes(10));
    final ClientOrderId id = venue.nextId();
    binance.place(venue.market(id, Side.BUY, "0.01")).toCompletableFuture().get(10, TimeUnit.SECONDS);
    events.awaitFilled(id, "0.01");
    assertEquals(1, venue.sim.count("order:" + id.value()), "sent once it had Binance's time");
  }
}
