package dev.osprey.okx;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** OKX spot instruments and tickers in domain terms. */
final class OkxMarkets {
  private OkxMarkets() {}

  /** A spot pair's OKX instrument id: the same {@code BASE-QUOTE} text. */
  static String instId(final TradingPair pair) {
    return pair.symbol();
  }

  /** The pair of a spot instrument id; empty for other instruments (swaps end in {@code -SWAP}). */
  static Optional<TradingPair> pair(final String instId) {
    try {
      return Optional.of(TradingPair.parse(instId));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The trading rules of a spot instrument: {@code minSz} is the smallest order, {@code lotSz} the
   * size increment, {@code tickSz} the price increment. OKX states no minimum notional for spot.
   */
  static TradingRules rules(final OkxMessages.InstrumentData instrument) {
    return new TradingRules(
        OkxJson.decimalOrZero(instrument.minSz()),
        BigDecimal.ZERO,
        OkxJson.decimalOrZero(instrument.tickSz()),
        OkxJson.decimalOrZero(instrument.lotSz()));
  }

  /** The instrument's numeric {@code instIdCode}, when OKX lists one. */
  static Optional<Long> instIdCode(final OkxMessages.InstrumentData instrument) {
    final String code = instrument.instIdCode();
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(code.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A ticker as the top of book; empty while a side has no price (an empty book). */
  static Optional<TopOfBook> topOfBook(
      final String connector, final OkxMessages.TickerData ticker, final Instant fallbackTime) {
    final BigDecimal bid = OkxJson.decimal(ticker.bidPx());
    final BigDecimal ask = OkxJson.decimal(ticker.askPx());
    final Optional<TradingPair> pair = pair(ticker.instId());
    if (bid == null
        || ask == null
        || bid.signum() <= 0
        || ask.signum() <= 0
        || pair.isEmpty()
        || bid.compareTo(ask) > 0) {
      return Optional.empty();
    }
    return Optional.of(
        new TopOfBook(
            connector,
            pair.get(),
            new Price(bid),
            new Price(ask),
            quantity(ticker.bidSz()),
            quantity(ticker.askSz()),
            OkxTime.millis(ticker.ts(), fallbackTime)));
  }

  private static Quantity quantity(final String value) {
    final BigDecimal d = OkxJson.decimal(value);
    return d == null ? null : new Quantity(d);
  }
}
