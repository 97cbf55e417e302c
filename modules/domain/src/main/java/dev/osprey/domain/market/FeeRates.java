package dev.osprey.domain.market;

import dev.osprey.domain.Require;
import java.math.BigDecimal;

/** A market's fee rates, fractions of notional charged in quote: maker (resting) and taker. */
public record FeeRates(BigDecimal maker, BigDecimal taker) {
  public FeeRates {
    Require.nonNull("maker", maker, "taker", taker);
  }
}
