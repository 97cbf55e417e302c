package dev.osprey.okx;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.Fill;
import dev.osprey.exchange.venue.FeeInQuote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * OKX fills as domain {@link Fill}s. Trade ids are unique per instrument at OKX, so the fill's id
 * is {@code instId:tradeId} (unique per venue, as {@link Fill} requires). OKX reports fees signed,
 * negative when charged, and charges a spot BUY in the base currency: the domain fee is the charge
 * in quote, so it is negated and a base fee is valued at the fill price.
 */
final class OkxFills {
  private OkxFills() {}

  /**
   * The fill {@code t} reports, if it reports one (an {@code orders} push without a fill does
   * not).
   */
  static Optional<Fill> of(final OkxMessages.TradeReport t, final Instant fallbackTime) {
    final BigDecimal price = OkxJson.decimal(t.fillPx());
    final BigDecimal size = OkxJson.decimal(t.fillSz());
    final String tradeId = t.tradeId();
    if (tradeId == null
        || tradeId.isBlank()
        || price == null
        || size == null
        || size.signum() <= 0) {
      return Optional.empty();
    }
    final QuoteAmount feeQuote =
        feeInQuote(t.instId(), OkxJson.decimalOrZero(t.fillFee()).negate(), t.fillFeeCcy(), price);
    return Optional.of(
        new Fill(
            tradeKey(t.instId(), tradeId),
            new Price(price),
            new Quantity(size),
            feeQuote,
            "M".equals(t.execType()),
            OkxTime.millis(t.fillTime(), fallbackTime)));
  }

  static String tradeKey(final String instId, final String tradeId) {
    return instId + ":" + tradeId;
  }

  static QuoteAmount feeInQuote(
      final String instId, final BigDecimal charged, final String feeCcy, final BigDecimal price) {
    final Optional<TradingPair> pair = OkxMarkets.pair(instId);
    return pair.isEmpty()
        ? new QuoteAmount(charged)
        : FeeInQuote.of(pair.get(), charged, feeCcy, price);
  }
}
