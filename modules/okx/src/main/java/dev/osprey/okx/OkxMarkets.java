package dev.osprey.okx;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** OKX instruments and tickers in domain terms. */
final class OkxMarkets {
  private OkxMarkets() {}

  /**
   * The pair of a spot ({@code BASE-QUOTE}) or swap ({@code BASE-QUOTE-SWAP}) instrument id; empty
   * for other instruments (futures, options).
   */
  static Optional<TradingPair> pair(final String instId) {
    if (instId == null) {
      return Optional.empty();
    }
    final String symbol =
        instId.endsWith("-SWAP") ? instId.substring(0, instId.length() - "-SWAP".length()) : instId;
    try {
      return Optional.of(TradingPair.parse(symbol));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The trading rules of an instrument, in base: {@code minSz} is the smallest order, {@code lotSz}
   * the size increment (both in contracts of {@code contractValue} base for a swap, 1 for spot),
   * {@code tickSz} the price increment. OKX states no minimum notional.
   */
  static TradingRules rules(
      final OkxMessages.InstrumentData instrument, final BigDecimal contractValue) {
    return new TradingRules(
        OkxJson.decimalOrZero(instrument.minSz()).multiply(contractValue),
        BigDecimal.ZERO,
        OkxJson.decimalOrZero(instrument.tickSz()),
        OkxJson.decimalOrZero(instrument.lotSz()).multiply(contractValue));
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

  /**
   * A ticker as the top of book, sizes in base ({@code contractValue} base per unit of OKX's size);
   * empty while a side has no price (an empty book).
   */
  static Optional<TopOfBook> topOfBook(
      final String connector,
      final OkxMessages.TickerData ticker,
      final BigDecimal contractValue,
      final Instant fallbackTime) {
    return pair(ticker.instId())
        .flatMap(
            pair ->
                TopOfBook.quoted(
                    connector,
                    pair,
                    OkxJson.decimal(ticker.bidPx()),
                    OkxJson.decimal(ticker.askPx()),
                    quantity(ticker.bidSz(), contractValue),
                    quantity(ticker.askSz(), contractValue),
                    OkxTime.millis(ticker.ts(), fallbackTime)));
  }

  private static Quantity quantity(final String value, final BigDecimal contractValue) {
    final BigDecimal d = OkxJson.decimal(value);
    return d == null ? null : new Quantity(d.multiply(contractValue));
  }
}
