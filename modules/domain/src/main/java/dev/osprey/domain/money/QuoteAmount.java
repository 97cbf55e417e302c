package dev.osprey.domain.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.util.function.Function;

/** A signed amount in the quote currency of a pair: notional, fee, P&amp;L or exposure. */
public final class QuoteAmount extends DecimalValue<QuoteAmount> {
  public static final QuoteAmount ZERO = new QuoteAmount(BigDecimal.ZERO);

  public QuoteAmount(final BigDecimal value) {
    super(value);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static QuoteAmount of(final BigDecimal value) {
    return new QuoteAmount(value);
  }

  public static QuoteAmount of(final String value) {
    return new QuoteAmount(Decimals.parse(value));
  }

  /** The sum of {@code part} over {@code items}, in their order; zero when there are none. */
  public static <T> QuoteAmount sum(final Iterable<T> items, final Function<? super T, QuoteAmount> part) {
    return new QuoteAmount(Decimals.sum(items, item -> part.apply(item).value()));
  }

  public QuoteAmount plus(final QuoteAmount o) {
    return new QuoteAmount(value().add(o.value()));
  }

  public QuoteAmount minus(final QuoteAmount o) {
    return new QuoteAmount(value().subtract(o.value()));
  }

  public QuoteAmount negate() {
    return new QuoteAmount(value().negate());
  }

  public QuoteAmount times(final BigDecimal factor) {
    return new QuoteAmount(value().multiply(factor));
  }

  /** Base quantity this notional buys at {@code price}. */
  public Quantity div(final Price price) {
    return new Quantity(Decimals.div(value(), price.value()));
  }
}
