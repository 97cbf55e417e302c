package dev.osprey.domain.order;

import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.time.Instant;
import java.util.Objects;

/**
 * One trade against one order, as the venue reports it. {@code tradeId} is unique per venue and is
 * the key that makes applying a fill idempotent. Fees are in quote.
 */
public record Fill(
    String tradeId, Price price, Quantity amount, QuoteAmount feeQuote, boolean maker, Instant timestamp) {
  public Fill {
    Objects.requireNonNull(tradeId, "trade_id");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(feeQuote, "fee_quote");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  public QuoteAmount notional() {
    return price.times(amount);
  }
}
