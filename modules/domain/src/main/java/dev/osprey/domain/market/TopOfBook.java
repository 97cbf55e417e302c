package dev.osprey.domain.market;

import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

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
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(bid, "bid");
    Objects.requireNonNull(ask, "ask");
    Objects.requireNonNull(timestamp, "timestamp");
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
