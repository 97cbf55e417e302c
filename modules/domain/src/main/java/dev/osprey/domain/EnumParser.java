package dev.osprey.domain;

import java.util.Locale;

/**
 * Parses enum fields the way configs written for the reference send them: the name in any case,
 * or the reference's numeric value (as a JSON number or a digit string).
 */
public final class EnumParser {
  private EnumParser() {}

  public static <E extends Enum<E> & ReferenceCoded> E parse(
      final Class<E> type, final Object value, final String what) {
    final E[] all = type.getEnumConstants();
    if (value instanceof Number n) {
      if (n.doubleValue() == Math.rint(n.doubleValue())) {
        for (E e : all) {
          if (e.code() == n.intValue()) {
            return e;
          }
        }
      }
    } else if (value instanceof String s) {
      final String t = s.trim().toUpperCase(Locale.ROOT);
      for (E e : all) {
        if (e.name().equals(t) || String.valueOf(e.code()).equals(t)) {
          return e;
        }
      }
    } else if (type.isInstance(value)) {
      return type.cast(value);
    }
    throw new IllegalArgumentException(what + " must be one of " + describe(all) + ", got " + value);
  }

  private static <E extends Enum<E> & ReferenceCoded> String describe(final E[] all) {
    final StringBuilder b = new StringBuilder();
    for (E e : all) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(e.name()).append(" (").append(e.code()).append(')');
    }
    return b.toString();
  }
}
