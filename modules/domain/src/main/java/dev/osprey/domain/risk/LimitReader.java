package dev.osprey.domain.risk;

import dev.osprey.domain.FieldViolation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads limit values from a JSON-like map: numbers or decimal strings, never negative; null is
 * "off". Each broken value is added to the violations instead of stopping at the first.
 */
final class LimitReader {
  private final Map<String, Object> values;
  private final List<FieldViolation> violations;

  LimitReader(final Map<String, Object> values, final List<FieldViolation> violations) {
    this.values = values;
    this.violations = violations;
  }

  Optional<BigDecimal> decimal(final String key) {
    final Object raw = values.get(key);
    if (raw == null) {
      return Optional.empty();
    }
    final Optional<BigDecimal> d = parse(raw);
    if (d.isEmpty()) {
      violations.add(new FieldViolation(key, "must be a number, got " + describe(raw)));
      return Optional.empty();
    }
    if (d.get().signum() < 0) {
      final String got = d.get().toPlainString();
      violations.add(new FieldViolation(key, "must not be negative, got " + got));
      return Optional.empty();
    }
    return d;
  }

  /** A whole number in {@code [0, max]}. */
  Optional<Long> whole(final String key, final long max) {
    final Optional<BigDecimal> d = decimal(key);
    if (d.isEmpty()) {
      return Optional.empty();
    }
    final BigDecimal v = d.get();
    if (v.signum() != 0 && v.stripTrailingZeros().scale() > 0) {
      violations.add(new FieldViolation(key, "must be a whole number, got " + v.toPlainString()));
      return Optional.empty();
    }
    if (v.compareTo(BigDecimal.valueOf(max)) > 0) {
      final String got = v.toPlainString();
      violations.add(new FieldViolation(key, "must be at most " + max + ", got " + got));
      return Optional.empty();
    }
    return Optional.of(v.longValueExact());
  }

  private static Optional<BigDecimal> parse(final Object raw) {
    if (raw instanceof BigDecimal b) {
      return Optional.of(b);
    }
    if (!(raw instanceof Number) && !(raw instanceof String)) {
      return Optional.empty();
    }
    // A binary floating-point number from a JSON parser prints as its shortest decimal (0.1 stays
    // 0.1); NaN and the infinities do not parse and are refused.
    try {
      return Optional.of(new BigDecimal(raw.toString().trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String describe(final Object raw) {
    return raw instanceof String s ? "'" + s + "'" : String.valueOf(raw);
  }
}
