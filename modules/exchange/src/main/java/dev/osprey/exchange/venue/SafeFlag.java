package dev.osprey.exchange.venue;

import java.util.Locale;

/**
 * A venue's safety switch from the environment (OKX demo trading, Binance's testnet): on unless set
 * to {@code false}, and any value but {@code true} or {@code false} stops the node rather than
 * guessing, since the wrong guess trades real money.
 */
public final class SafeFlag {
  private SafeFlag() {}

  /**
   * True when {@code value} is null, blank or {@code true}; false only for {@code false} (any
   * case).
   *
   * @throws IllegalArgumentException naming {@code envName} for any other value
   */
  public static boolean onUnlessFalse(final String envName, final String value) {
    if (value == null || value.isBlank()) {
      return true;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new IllegalArgumentException(envName + " must be true or false, was '" + value + "'");
    }
  }
}
