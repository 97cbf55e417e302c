package dev.osprey.domain.market;

import java.math.BigDecimal;
import java.util.Objects;

/** A market's fee rates, fractions of notional charged in quote: maker (resting) and taker. */
public record FeeRates(BigDecimal maker, BigDecimal taker) {
  public FeeRates {
    Objects.requireNonNull(maker, "maker");
    Objects.requireNonNull(taker, "taker");
  }
}
