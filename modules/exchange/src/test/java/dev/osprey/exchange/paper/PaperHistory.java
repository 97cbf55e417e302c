package dev.osprey.exchange.paper;

import static dev.osprey.exchange.paper.PaperFixture.BTC;
import static dev.osprey.exchange.paper.PaperFixture.ETH;
import static dev.osprey.exchange.paper.PaperFixture.px;
import static dev.osprey.exchange.paper.PaperFixture.qty;
import static dev.osprey.exchange.paper.PaperFixture.request;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderType;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A venue with a past worth saving: three markets (one never quoted), sized quotes partly used
 * up, open orders of every kind (a MARKET remainder, partly filled and untouched limits, a
 * crossing limit that found no liquidity), and done orders (filled, cancelled, rejected twice).
 * {@link #continueTrading} is what happens next, the same for a venue that kept running and one
 * restored from its snapshot.
 */
final class PaperHistory {
  static final TradingPair SOL = TradingPair.parse("SOL-USDT");
  /** Odd scales on purpose (0.00050, 1E+1): a restore must give them back as they were. */
  static final MarketConfig ETH_CONFIG =
      new MarketConfig(
          new BigDecimal("0.00050"),
          new BigDecimal("0.0015"),
          new TradingRules(
              new BigDecimal("0.01"),
              new BigDecimal("1E+1"),
              new BigDecimal("0.05"),
              new BigDecimal("0.01")));

  private PaperHistory() {}

  /** A fresh venue on {@code clock} taken through the history; each step one second apart. */
  static PaperExchange busyVenue(final MovingClock clock) {
    final PaperExchange venue =
        new PaperExchange(
            "paper",
            clock,
            PaperFixture.FEES,
            Map.of("USDT", new BigDecimal("100000"), "BTC", BigDecimal.ONE));
    venue.configureMarket(ETH, ETH_CONFIG);
    venue.configureMarket(SOL, MarketConfig.DEFAULT);
    venue.setBalances(Map.of("ETH", new BigDecimal("20.00")));
    clock.tick();
    venue.setQuote(BTC, px("64990"), px("65010"), qty("0.3"), qty("0.25"));
    clock.tick();
    // Takes the whole ask size (0.25); 0.15 stays open as a MARKET remainder.
    venue.place(request("m-1", BTC, Side.BUY, OrderType.MARKET, "0.4", null));
    clock.tick();
    venue.place(request("s-1", BTC, Side.SELL, OrderType.LIMIT, "0.5", "65000"));
    venue.place(request("b-1", BTC, Side.BUY, OrderType.LIMIT, "0.2", "64000"));
    venue.place(request("b-2", BTC, Side.BUY, OrderType.LIMIT, "0.1", "64500"));
    clock.tick();
    // s-1 fills 0.2 (the bid size) as maker, m-1 takes 0.1 more (the ask size); both sizes used up.
    venue.setQuote(BTC, px("65000"), px("65020"), qty("0.2"), qty("0.1"));
    clock.tick();
    venue.cancel(ClientOrderId.of("b-2"));
    venue.place(request("r-1", SOL, Side.BUY, OrderType.MARKET, "1", null));
    venue.place(request("r-2", BTC, Side.BUY, OrderType.LIMIT, "10", "64000"));
    clock.tick();
    venue.setQuote(ETH, px("2999.95"), px("3000.05"), null, qty("4"));
    venue.place(request("e-1", ETH, Side.SELL, OrderType.LIMIT, "2", "3010"));
    venue.place(request("e-2", ETH, Side.BUY, OrderType.MARKET, "1.5", null));
    clock.tick();
    // Crosses the bid, but the bid size is used up: rests with its taker reservation.
    venue.place(request("s-2", BTC, Side.SELL, OrderType.LIMIT, "0.1", "64000"));
    return venue;
  }

  /** What follows the history: fills of every open order, a cancel, a repeated place, new ids. */
  static void continueTrading(final PaperExchange venue, final MovingClock clock) {
    clock.tick();
    // s-2 fills at its limit; m-1 takes the 0.02 ask size.
    venue.setQuote(BTC, px("64000"), px("64100"), qty("0.5"), qty("0.02"));
    clock.tick();
    venue.place(request("b-3", BTC, Side.BUY, OrderType.LIMIT, "0.05", "64100"));
    clock.tick();
    // m-1 completes, then b-3 (better limit), then b-1.
    venue.setQuote(BTC, px("63900"), px("63950"));
    clock.tick();
    venue.cancel(ClientOrderId.of("s-1"));
    venue.place(request("b-2", BTC, Side.BUY, OrderType.LIMIT, "0.1", "64500"));
    clock.tick();
    venue.setQuote(ETH, px("3010"), px("3010.5"), qty("1"), null);
    clock.tick();
    venue.place(request("e-3", ETH, Side.SELL, OrderType.MARKET, "0.5", null));
    clock.tick();
    venue.setQuote(ETH, px("3020"), px("3021"));
    venue.place(request("r-3", SOL, Side.SELL, OrderType.LIMIT, "1", "150"));
  }
}
