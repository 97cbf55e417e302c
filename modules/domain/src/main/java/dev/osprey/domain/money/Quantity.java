package dev.osprey.domain.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Function;

/** An amount of the base asset. Never negative; direction is carried by a {@code Side}. */
public record Quantity(BigDecimal value) implements DecimalValue<Quantity> {
  public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);

  public Quantity {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("quantity must not be negative: " + value.toPlainString());
    }
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Quantity of(final BigDecimal value) {
    return new Quantity(value);
  }

  public static Quantity of(final String value) {
    return new Quantity(Decimals.parse(value));
  }

  @JsonValue
  @Override
  public BigDecimal value() {
    return value;
  }

  /** The sum of {@code part} over {@code items}, in their order; zero when there are none. */
  public static <T> Quantity sum(final Iterable<T> items, final Function<? super T, Quantity> part) {
    return new Quantity(Decimals.sum(items, item -> part.apply(item).value()));
  }

  public Quantity plus(final Quantity o) {
    return new Quantity(value.add(o.value));
  }

  /** {@code this − o}, floored at zero (a remaining amount never goes negative). */
  public Quantity minusFloored(final Quantity o) {
    final BigDecimal d = value.subtract(o.value);
    return d.signum() <= 0 ? ZERO : new Quantity(d);
  }

  public boolean isPositive() {
    return value.signum() > 0;
  }

  public static Quantity min(final Quantity a, final Quantity b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public boolean equals(final Object o) {
    return o instanceof Quantity q && value.compareTo(q.value) == 0;
  }

  @Override
  public int hashCode() {
    return Decimals.canonical(value).hashCode();
  }

  @Override
  public String toString() {
    return value.toPlainString();
  }
}
