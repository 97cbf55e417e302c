package dev.osprey.domain.position;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One hold in the shape of hummingbot-api's {@code PositionHoldResponse}, plus {@code
 * breakevenPrice}, the average-cost entry that Osprey's P&amp;L uses. The buy/sell breakevens are
 * the plain average buy and sell prices (null without buys or sells); realized and unrealized
 * P&amp;L come from average-cost netting, so they stay right across flips, where the API's
 * average-buy versus average-sell matching does not. {@code unrealizedPnlQuote} is null when no
 * mid price is known.
 */
public record PositionView(
    TradingPair tradingPair,
    String connectorName,
    String accountName,
    String controllerId,
    Quantity buyAmountBase,
    QuoteAmount buyAmountQuote,
    Quantity sellAmountBase,
    QuoteAmount sellAmountQuote,
    BigDecimal netAmountBase,
    Price buyBreakevenPrice,
    Price sellBreakevenPrice,
    Price breakevenPrice,
    Quantity matchedAmountBase,
    Quantity unmatchedAmountBase,
    PositionSide positionSide,
    QuoteAmount realizedPnlQuote,
    QuoteAmount cumFeesQuote,
    QuoteAmount unrealizedPnlQuote,
    int executorCount,
    List<String> executorIds,
    Instant lastUpdated) {

  public PositionView {
    executorIds = List.copyOf(executorIds);
  }

  /**
   * The view of {@code hold}.
   *
   * @param accountName the account the controller trades on
   * @param controllerId the controller owning the book
   * @param mid the current mid price of the pair, if known
   */
  public static PositionView of(
      final PositionHold hold,
      final String accountName,
      final String controllerId,
      final Optional<Price> mid) {
    return new PositionView(
        hold.key().tradingPair(),
        hold.key().connectorName(),
        accountName,
        controllerId,
        hold.buyBase(),
        hold.buyQuote(),
        hold.sellBase(),
        hold.sellQuote(),
        hold.netBase(),
        averagePrice(hold.buyQuote(), hold.buyBase()),
        averagePrice(hold.sellQuote(), hold.sellBase()),
        hold.breakevenPrice(),
        Quantity.min(hold.buyBase(), hold.sellBase()),
        hold.amount(),
        hold.positionSide(),
        hold.realizedPnlQuote(),
        hold.cumFeesQuote(),
        mid.map(hold::unrealizedPnl).orElse(null),
        hold.executorIds().size(),
        hold.executorIds(),
        hold.lastUpdated());
  }

  private static Price averagePrice(final QuoteAmount quote, final Quantity base) {
    return base.isZero() ? null : new Price(Decimals.div(quote.value(), base.value()));
  }
}
