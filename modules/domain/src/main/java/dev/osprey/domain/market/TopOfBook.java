package dev.osprey.domain.market;

import dev.osprey.domain.Require;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Best bid and ask of one market at one instant. Sizes are optional: an absent size means the
 * level is deep enough for any order (the paper venue then fills completely).
 */
public record TopOfBook(
    String connector,
    TradingPair pair,
    Price bid,
    Price ask,
    Quantity bidSize,
    Quantity askSize,
    Instant timestamp) {

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  public TopOfBook {
    Require.nonNull(
        "connector", connector, "pair", pair, "bid", bid, "ask", ask, "timestamp", timestamp);
    if (bid.isZero() || ask.isZero()) {
      throw new IllegalArgumentException("bid and ask must be positive");
    }
    if (bid.gt(ask)) {
      throw new IllegalArgumentException("bid " + bid + " must not be above ask " + ask);
    }
  }

  public static TopOfBook of(
      final String connector, final TradingPair pair, final Price bid, final Price ask, final Instant at) {
    return new TopOfBook(connector, pair, bid, ask, null, null, at);
  }

  /**
   * A venue's quote as the top of book, or empty when it is none: a side without a price (absent
   * or not positive, as while a book is empty) or a crossed book.
   */
  public static Optional<TopOfBook> quoted(
      final String connector,
      final TradingPair pair,
      final BigDecimal bid,
      final BigDecimal ask,
      final Quantity bidSize,
      final Quantity askSize,
      final Instant at) {
    if (bid == null
        || ask == null
        || bid.signum() <= 0
        || ask.signum() <= 0
        || bid.compareTo(ask) > 0) {
      return Optional.empty();
    }
    return Optional.of(
        new TopOfBook(connector, pair, new Price(bid), new Price(ask), bidSize, askSize, at));
  }

  public Price mid() {
    return new Price(Decimals.div(bid.value().add(ask.value()), TWO));
  }

  /**
   * The price an executor on {@code side} can exit at: best bid for a long (BUY) position, best
   * ask for a short (SELL) one. The reference calls this the market price of the executor.
   */
  public Price exitPrice(final Side side) {
    return side == Side.BUY ? bid : ask;
  }

  /** Price a market order on {@code side} takes: the best opposite price. */
  public Price takerPrice(final Side side) {
    return side == Side.BUY ? ask : bid;
  }
}
