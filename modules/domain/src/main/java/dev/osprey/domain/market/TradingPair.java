package dev.osprey.domain.market;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/** A spot or perpetual market named {@code BASE-QUOTE}, for example {@code BTC-USDT}. */
public record TradingPair(String base, String quote) {
  private static final Pattern ASSET = Pattern.compile("[A-Z0-9._]{1,20}");

  public TradingPair {
    if (base == null || !ASSET.matcher(base).matches()) {
      throw new IllegalArgumentException("base asset must be 1-20 of A-Z 0-9 . _ : " + base);
    }
    if (quote == null || !ASSET.matcher(quote).matches()) {
      throw new IllegalArgumentException("quote asset must be 1-20 of A-Z 0-9 . _ : " + quote);
    }
    if (base.equals(quote)) {
      throw new IllegalArgumentException("base and quote must differ: " + base);
    }
  }

  /**
   * Parses {@code BASE-QUOTE}; case-insensitive, stored upper-case.
   *
   * @throws IllegalArgumentException naming the rule when the text is not a pair
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TradingPair parse(final String text) {
    if (text == null) {
      throw new IllegalArgumentException("trading pair is required (BASE-QUOTE)");
    }
    final String[] parts = text.trim().toUpperCase(Locale.ROOT).split("-", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("trading pair must be BASE-QUOTE, got '" + text + "'");
    }
    return new TradingPair(parts[0], parts[1]);
  }

  @JsonValue
  public String symbol() {
    return base + "-" + quote;
  }

  @Override
  public String toString() {
    return symbol();
  }
}
