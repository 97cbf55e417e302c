package dev.osprey.backtest;

import dev.osprey.domain.market.TradingRules;
import java.math.BigDecimal;

/** Fees (fractions of notional, in quote) and trading rules of one replayed market. */
public record MarketSpec(BigDecimal makerFee, BigDecimal takerFee, TradingRules rules) {
  /** Defaults: no fees, {@link TradingRules#DEFAULT}. */
  public static final MarketSpec DEFAULT = new MarketSpec(BigDecimal.ZERO, BigDecimal.ZERO, TradingRules.DEFAULT);
}
