package dev.osprey.domain.executor.swap;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The paper router: the swap providers Osprey knows and the price each quotes, derived
 * deterministically from the venue's mid. Provider {@code i} quotes {@code mid·(1 + spread_i)} to a
 * buyer and {@code mid·(1 − spread_i)} to a seller, with a fixed spread per provider:
 *
 * <table>
 *   <caption>Provider spreads</caption>
 *   <tr><th>provider</th><th>spread</th></tr>
 *   <tr><td>jupiter/router</td><td>0.0010</td></tr>
 *   <tr><td>meteora/clmm</td><td>0.0015</td></tr>
 *   <tr><td>raydium/clmm</td><td>0.0020</td></tr>
 *   <tr><td>orca/clmm</td><td>0.0025</td></tr>
 * </table>
 *
 * The best quote wins: the lowest price for a BUY, the highest for a SELL, the first listed on a
 * tie. Names match case-insensitively.
 */
public final class SwapProviders {
  private static final Map<String, BigDecimal> SPREADS = spreads();

  private SwapProviders() {}

  private static Map<String, BigDecimal> spreads() {
    final Map<String, BigDecimal> m = new LinkedHashMap<>();
    m.put("jupiter/router", new BigDecimal("0.0010"));
    m.put("meteora/clmm", new BigDecimal("0.0015"));
    m.put("raydium/clmm", new BigDecimal("0.0020"));
    m.put("orca/clmm", new BigDecimal("0.0025"));
    return Collections.unmodifiableMap(m);
  }

  /** Every known provider, in table order (the default list of a swap). */
  public static List<String> known() {
    return List.copyOf(SPREADS.keySet());
  }

  /** The spread of {@code provider}, if Osprey knows it. */
  public static Optional<BigDecimal> spread(final String provider) {
    return provider == null
        ? Optional.empty()
        : Optional.ofNullable(SPREADS.get(provider.trim().toLowerCase(Locale.ROOT)));
  }

  /**
   * What {@code provider} quotes on {@code side} around {@code mid}.
   *
   * @throws IllegalArgumentException for an unknown provider
   */
  public static ProviderQuote quote(final String provider, final Side side, final Price mid) {
    final BigDecimal spread =
        spread(provider)
            .orElseThrow(() -> new IllegalArgumentException("unknown swap provider " + provider));
    final BigDecimal factor =
        side == Side.BUY ? BigDecimal.ONE.add(spread) : BigDecimal.ONE.subtract(spread);
    return new ProviderQuote(provider, mid.scale(factor));
  }

  /** The quote of each provider, in the given order. */
  public static List<ProviderQuote> quotes(
      final List<String> providers, final Side side, final Price mid) {
    final List<ProviderQuote> out = new ArrayList<>(providers.size());
    for (String p : providers) {
      out.add(quote(p, side, mid));
    }
    return List.copyOf(out);
  }

  /** The lowest quote for a BUY, the highest for a SELL; the first one on a tie. */
  public static ProviderQuote best(final List<ProviderQuote> quotes, final Side side) {
    ProviderQuote best = null;
    for (ProviderQuote q : quotes) {
      final boolean better =
          best == null
              || (side == Side.BUY ? q.price().lt(best.price()) : q.price().gt(best.price()));
      if (better) {
        best = q;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no quotes to choose from");
    }
    return best;
  }

  /** The worst price the swap accepts: the quote moved against it by {@code slippage}. */
  public static Price limitPrice(final Price quote, final Side side, final BigDecimal slippage) {
    return quote.scale(
        side == Side.BUY ? BigDecimal.ONE.add(slippage) : BigDecimal.ONE.subtract(slippage));
  }
}
