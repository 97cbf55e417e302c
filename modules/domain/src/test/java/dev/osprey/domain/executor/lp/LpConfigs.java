package dev.osprey.domain.executor.lp;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * LP configs for tests. The default position spans [64, 256] (square roots 8 and 16) and deposits
 * 37.5 base and 2000 quote, which at a pool price of 100 (root 10) is liquidity 1000 exactly, so
 * that every number in the scenarios is a terminating decimal.
 */
final class LpConfigs {
  static final String ID = "lp1";
  static final TradingPair PAIR = TradingPair.parse("ETH-USDT");
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private String lower = "64";
  private String upper = "256";
  private String base = "37.5";
  private String quote = "2000";
  private LpSide side = LpSide.RANGE;
  private String lowerLimit;
  private String upperLimit;
  private Long above;
  private Long below;
  private String feeTier = "0.003";
  private String txFee = "0.5";
  private Boolean keep;

  static LpConfigs range() {
    return new LpConfigs();
  }

  LpConfigs range(final String lo, final String hi) {
    lower = lo;
    upper = hi;
    return this;
  }

  LpConfigs amounts(final String b, final String q) {
    base = b;
    quote = q;
    return this;
  }

  LpConfigs side(final LpSide s) {
    side = s;
    return this;
  }

  LpConfigs limits(final String lo, final String hi) {
    lowerLimit = lo;
    upperLimit = hi;
    return this;
  }

  LpConfigs autoClose(final Long aboveSeconds, final Long belowSeconds) {
    above = aboveSeconds;
    below = belowSeconds;
    return this;
  }

  LpConfigs fees(final String tier, final String tx) {
    feeTier = tier;
    txFee = tx;
    return this;
  }

  LpConfigs keep(final boolean k) {
    keep = k;
    return this;
  }

  LpExecutorConfig build() {
    return new LpExecutorConfig(
        ID, "ctl", T0, "paper", PAIR, "pool-1", "meteora/clmm", null, price(lower), price(upper),
        base == null ? null : Quantity.of(base), quote == null ? null : QuoteAmount.of(quote),
        side, price(upperLimit), price(lowerLimit), above, below,
        feeTier == null ? null : new BigDecimal(feeTier),
        txFee == null ? null : QuoteAmount.of(txFee), keep, null);
  }

  private static Price price(final String p) {
    return p == null ? null : Price.of(p);
  }

}
