package dev.osprey.domain.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.util.function.Function;

/** An amount of the base asset. Never negative; direction is carried by a {@code Side}. */
public final class Quantity extends DecimalValue<Quantity> {
  public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);

  public Quantity(final BigDecimal value) {
    super(nonNegative(value, "quantity"));
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Quantity of(final BigDecimal value) {
    return new Quantity(value);
  }

  public static Quantity of(final String value) {
    return new Quantity(Decimals.parse(value));
  }

  /** The sum of {@code part} over {@code items}, in their order; zero when there are none. */
  public static <T> Quantity sum(final Iterable<T> items, final Function<? super T, Quantity> part) {
    return new Quantity(Decimals.sum(items, item -> part.apply(item).value()));
  }

  public Quantity plus(final Quantity o) {
    return new Quantity(value().add(o.value()));
  }

  /** {@code this − o}, floored at zero (a remaining amount never goes negative). */
  public Quantity minusFloored(final Quantity o) {
    final BigDecimal d = value().subtract(o.value());
    return d.signum() <= 0 ? ZERO : new Quantity(d);
  }

  public static Quantity min(final Quantity a, final Quantity b) {
    return a.le(b) ? a : b;
  }
}
