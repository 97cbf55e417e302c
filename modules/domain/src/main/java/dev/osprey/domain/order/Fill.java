package dev.osprey.domain.order;

import dev.osprey.domain.Require;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.time.Instant;

/**
 * One trade against one order, as the venue reports it. {@code tradeId} is unique per venue and is
 * the key that makes applying a fill idempotent. Fees are in quote.
 */
public record Fill(
    String tradeId, Price price, Quantity amount, QuoteAmount feeQuote, boolean maker, Instant timestamp) {
  public Fill {
    Require.nonNull(
        "trade_id", tradeId, "price", price, "amount", amount, "fee_quote", feeQuote,
        "timestamp", timestamp);
  }

  public QuoteAmount notional() {
    return price.times(amount);
  }
}
