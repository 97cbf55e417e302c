package dev.osprey.bench.node;

import dev.osprey.domain.money.Price;
import dev.osprey.exchange.paper.PaperExchange;
import dev.osprey.domain.market.TradingPair;
import java.math.BigDecimal;

/**
 * Quotes the harnesses push: prices made once (the harness measures the engine, not BigDecimal
 * parsing), a one-cent spread around a mid.
 */
public final class Quotes {
  private static final BigDecimal HALF_SPREAD = new BigDecimal("0.005");
  private final Price[] bids;
  private final Price[] asks;

  /** {@code levels} mids from {@code from} upwards in steps of {@code step}. */
  public Quotes(final BigDecimal from, final BigDecimal step, final int levels) {
    bids = new Price[levels];
    asks = new Price[levels];
    for (int i = 0; i < levels; i++) {
      final BigDecimal mid = from.add(step.multiply(BigDecimal.valueOf(i)));
      bids[i] = Price.of(mid.subtract(HALF_SPREAD));
      asks[i] = Price.of(mid.add(HALF_SPREAD));
    }
  }

  public int levels() {
    return bids.length;
  }

  /** Sets level {@code level} (modulo the levels) as the top of book of {@code pair}. */
  public void set(final PaperExchange venue, final TradingPair pair, final int level) {
    final int l = Math.floorMod(level, bids.length);
    venue.setQuote(pair, bids[l], asks[l]);
  }
}
