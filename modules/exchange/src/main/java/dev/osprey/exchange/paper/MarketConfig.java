package dev.osprey.exchange.paper;

import dev.osprey.domain.market.TradingRules;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How the paper venue trades one market: the maker and taker fee rates (fractions of the notional,
 * charged in quote: {@code fee = price × amount × rate}) and the trading rules orders must meet.
 *
 * <p>Rates lie in (−1, 1): a negative maker rate is a rebate, a rate of 1 or more would make a
 * sell pay more fee than it earns.
 */
public record MarketConfig(BigDecimal makerFee, BigDecimal takerFee, TradingRules rules) {

  /** No fees and {@link TradingRules#DEFAULT}: what an auto-listed market gets by default. */
  public static final MarketConfig DEFAULT =
      new MarketConfig(BigDecimal.ZERO, BigDecimal.ZERO, TradingRules.DEFAULT);

  public MarketConfig {
    Objects.requireNonNull(makerFee, "maker_fee");
    Objects.requireNonNull(takerFee, "taker_fee");
    Objects.requireNonNull(rules, "rules");
    checkRate("maker_fee", makerFee);
    checkRate("taker_fee", takerFee);
  }

  /** The rate a fill pays: maker for resting orders, taker for orders that take on arrival. */
  public BigDecimal feeRate(final boolean maker) {
    return maker ? makerFee : takerFee;
  }

  private static void checkRate(final String name, final BigDecimal rate) {
    if (rate.compareTo(BigDecimal.ONE) >= 0 || rate.compareTo(BigDecimal.ONE.negate()) <= 0) {
      throw new IllegalArgumentException(
          name + " must be a fraction between -1 and 1, got " + rate.toPlainString());
    }
  }
}
