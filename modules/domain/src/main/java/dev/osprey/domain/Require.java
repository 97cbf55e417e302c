package dev.osprey.domain;

/**
 * Checks for the required components of value records. A record lists its required components
 * once, each under the JSON name a caller knows it by, instead of one {@code requireNonNull} line
 * per component.
 */
public final class Require {
  private Require() {}

  /**
   * Throws a {@link NullPointerException} whose message is the name of the first null value, as
   * {@code Objects.requireNonNull(value, name)} does.
   *
   * @param namesAndValues a name, then its value, and so on: {@code "trade_id", tradeId, "price",
   *     price}
   */
  public static void nonNull(final Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] == null) {
        throw new NullPointerException((String) namesAndValues[i]);
      }
    }
  }
}
