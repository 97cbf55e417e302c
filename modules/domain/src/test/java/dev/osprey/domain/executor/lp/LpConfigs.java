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

  private Price lower = Price.of("64");
  private Price upper = Price.of("256");
  private Quantity base = Quantity.of("37.5");
  private QuoteAmount quote = QuoteAmount.of("2000");
  private LpSide side = LpSide.RANGE;
  private Price lowerLimit;
  private Price upperLimit;
  private Long above;
  private Long below;
  private BigDecimal feeTier = new BigDecimal("0.003");
  private QuoteAmount txFee = QuoteAmount.of("0.5");
  private Boolean keep;

  static LpConfigs range() {
    return new LpConfigs();
  }

  LpConfigs range(final String lo, final String hi) {
    lower = price(lo);
    upper = price(hi);
    return this;
  }

  LpConfigs amounts(final String b, final String q) {
    base = b == null ? null : Quantity.of(b);
    quote = q == null ? null : QuoteAmount.of(q);
    return this;
  }

  LpConfigs side(final LpSide s) {
    side = s;
    return this;
  }

  LpConfigs limits(final String lo, final String hi) {
    lowerLimit = price(lo);
    upperLimit = price(hi);
    return this;
  }

  LpConfigs autoClose(final Long aboveSeconds, final Long belowSeconds) {
    above = aboveSeconds;
    below = belowSeconds;
    return this;
  }

  LpConfigs fees(final String tier, final String tx) {
    feeTier = tier == null ? null : new BigDecimal(tier);
    txFee = tx == null ? null : QuoteAmount.of(tx);
    return this;
  }

  LpConfigs keep(final boolean k) {
    keep = k;
    return this;
  }

  LpExecutorConfig build() {
    return new LpExecutorConfig(
        ID, "ctl", T0, "paper", PAIR, "pool-1", "meteora/clmm", null, lower, upper, base, quote,
        side, upperLimit, lowerLimit, above, below, feeTier, txFee, keep, null);
  }

  private static Price price(final String p) {
    return p == null ? null : Price.of(p);
  }

}
