package dev.osprey.exchange.venue;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A venue's fee charge as the domain counts it: in the pair's quote currency. Spot venues charge a
 * BUY in the base currency they deliver (OKX, Binance), which is valued at the fill price, so a
 * position on a real venue has the same figures as on the paper venue for the same quotes.
 */
public final class FeeInQuote {
  private static final Logger LOG = LoggerFactory.getLogger(FeeInQuote.class);

  private FeeInQuote() {}

  /**
   * {@code charged} (positive = paid) in {@code asset}, valued in {@code pair}'s quote at {@code
   * price}. An asset that is neither base nor quote (a fee-token discount) has no price here: it
   * counts as zero, with a warning, rather than a wrong figure. A blank asset means quote.
   */
  public static QuoteAmount of(
      final TradingPair pair,
      final BigDecimal charged,
      final String asset,
      final BigDecimal price) {
    if (asset == null || asset.isBlank() || asset.equals(pair.quote())) {
      return new QuoteAmount(charged);
    }
    if (asset.equals(pair.base())) {
      return new QuoteAmount(charged.multiply(price));
    }
    LOG.warn("fee in {} on {} is not converted to quote; counted as 0", asset, pair);
    return QuoteAmount.ZERO;
  }
}
