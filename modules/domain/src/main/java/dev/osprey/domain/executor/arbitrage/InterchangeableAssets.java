package dev.osprey.domain.executor.arbitrage;

import dev.osprey.domain.market.TradingPair;

/**
 * Which assets two venues may trade as "the same thing" in a cross-venue executor (arbitrage,
 * XEMM): the reference accepts identical symbols, a wrapped token and its native one, and any two
 * USD-denominated assets (stablecoins are treated as equal). Osprey generalizes the reference's
 * fixed wrapped list ({@code WETH/ETH, WBTC/BTC, …}) to any {@code W}-prefixed symbol; this is a
 * guard against configuration mistakes, not a proof that two tokens are the same asset.
 */
public final class InterchangeableAssets {
  private InterchangeableAssets() {}

  /** True when {@code a} and {@code b} count as the same asset across venues. */
  public static boolean interchangeable(final String a, final String b) {
    return a.equals(b)
        || a.equals("W" + b)
        || b.equals("W" + a)
        || (a.contains("USD") && b.contains("USD"));
  }

  /** True when both the base and the quote assets of the two pairs are interchangeable. */
  public static boolean samePair(final TradingPair a, final TradingPair b) {
    return interchangeable(a.base(), b.base()) && interchangeable(a.quote(), b.quote());
  }
}
