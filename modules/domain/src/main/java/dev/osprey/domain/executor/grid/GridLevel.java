package dev.osprey.domain.executor.grid;

import dev.osprey.domain.Require;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;

/**
 * One price of a grid, fixed when the grid is planned: where it buys (BUY grid) or sells (SELL
 * grid), how much quote each cycle puts at work, and the take-profit fraction its close order
 * aims for. Levels are recycled: after an open order and its take profit both fill, the level
 * opens again.
 */
public record GridLevel(String id, Price price, QuoteAmount amountQuote, BigDecimal takeProfit) {

  public GridLevel {
    Require.nonNull(
        "id", id, "price", price, "amount_quote", amountQuote, "take_profit", takeProfit);
  }

  /** {@code price·(1+tp)} for a BUY grid (it sells higher), {@code price·(1−tp)} for a SELL one. */
  public Price takeProfitPrice(final Side gridSide) {
    final BigDecimal factor =
        gridSide == Side.BUY ? BigDecimal.ONE.add(takeProfit) : BigDecimal.ONE.subtract(takeProfit);
    return factor.signum() <= 0 ? Price.ZERO : price.scale(factor);
  }
}
