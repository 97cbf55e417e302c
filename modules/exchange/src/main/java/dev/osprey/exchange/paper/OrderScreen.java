package dev.osprey.exchange.paper;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Decides whether the paper venue takes a new order, and on what terms. Checks run in a fixed
 * order and the first failure wins: market listed, quote present (MARKET only), trading rules,
 * LIMIT_MAKER not crossing, balance.
 *
 * <p>The balance check is the one the venue later holds the order to: a BUY needs {@code amount ×
 * price × (1 + fee rate)} of quote available, where the price is the best ask for a MARKET order
 * and the limit otherwise, and the rate is the taker rate if the order takes on arrival (MARKET or
 * a crossing LIMIT) and the maker rate if it rests; a SELL needs {@code amount} of base available.
 * Funds locked by open orders are not available.
 */
final class OrderScreen {
  private OrderScreen() {}

  /** Either a refusal, or whether the order takes on arrival and what one base unit reserves. */
  record Verdict(RejectReason reason, String message, boolean takes, BigDecimal unitReserve) {
    static Verdict refuse(final RejectReason reason, final String message) {
      return new Verdict(reason, message, false, BigDecimal.ZERO);
    }

    boolean accepted() {
      return reason == null;
    }
  }

  /**
   * Screens {@code request} against {@code market} (null when the pair is not listed) and the
   * balances in {@code wallet}.
   */
  static Verdict screen(final OrderRequest request, final PaperMarket market, final Wallet wallet) {
    final TradingPair pair = request.tradingPair();
    final Side side = request.side();
    if (market == null) {
      return Verdict.refuse(
          RejectReason.NO_MARKET_DATA,
          "market " + pair + " is not listed: configure it or send it a quote first");
    }
    final boolean isMarket = request.orderType() == OrderType.MARKET;
    final TopOfBook top = market.top();
    if (isMarket && top == null) {
      return Verdict.refuse(
          RejectReason.NO_MARKET_DATA,
          "no quote for " + pair + " yet: a MARKET " + side + " needs a best "
              + oppositeName(side));
    }
    final Price price = isMarket ? top.takerPrice(side) : request.price();
    final TradingRules rules = market.config().rules();
    final Optional<String> broken =
        isMarket
            ? marketOrderViolation(rules, request, price)
            : rules.violation(request.amount().value(), price.value());
    if (broken.isPresent()) {
      return Verdict.refuse(RejectReason.TRADING_RULE, pair + ": " + broken.get());
    }
    final boolean crosses = !isMarket && market.crosses(side, price);
    if (crosses && request.orderType() == OrderType.LIMIT_MAKER) {
      return Verdict.refuse(
          RejectReason.WOULD_TAKE_LIQUIDITY,
          "LIMIT_MAKER " + side + " at " + price + " would take liquidity: best "
              + oppositeName(side) + " is " + top.takerPrice(side));
    }
    final boolean takes = isMarket || crosses;
    return checkBalance(request, market.config().feeRate(!takes), price, takes, wallet);
  }

  private static Verdict checkBalance(
      final OrderRequest request,
      final BigDecimal feeRate,
      final Price price,
      final boolean takes,
      final Wallet wallet) {
    final TradingPair pair = request.tradingPair();
    final BigDecimal amount = request.amount().value();
    final boolean buy = request.side() == Side.BUY;
    final BigDecimal unit =
        buy ? price.value().multiply(BigDecimal.ONE.add(feeRate)) : BigDecimal.ONE;
    final String asset = buy ? pair.quote() : pair.base();
    final BigDecimal needed = amount.multiply(unit);
    final BigDecimal available = wallet.available(asset);
    if (available.compareTo(needed) < 0) {
      final String basis =
          buy
              ? " (" + amount.toPlainString() + " at " + price + " plus "
                  + (takes ? "taker" : "maker") + " fee rate " + feeRate.toPlainString() + ")"
              : "";
      return Verdict.refuse(
          RejectReason.INSUFFICIENT_BALANCE,
          request.side() + " " + amount.toPlainString() + " " + pair + " needs "
              + needed.toPlainString() + " " + asset + basis + ", available "
              + available.toPlainString() + " " + asset);
    }
    return new Verdict(null, null, takes, unit);
  }

  /**
   * Rules for a MARKET order: size rules as for any order, min notional at the price it would take,
   * but no price increment (the venue's own quote need not sit on the order grid).
   */
  private static Optional<String> marketOrderViolation(
      final TradingRules rules, final OrderRequest request, final Price takerPrice) {
    final BigDecimal amount = request.amount().value();
    final Optional<String> size = rules.violation(amount, null);
    if (size.isPresent()) {
      return size;
    }
    final BigDecimal notional = amount.multiply(takerPrice.value());
    if (notional.compareTo(rules.minNotional()) < 0) {
      return Optional.of(
          "notional " + notional.toPlainString() + " is below min_notional "
              + rules.minNotional().toPlainString() + " at the best "
              + oppositeName(request.side()) + " " + takerPrice);
    }
    return Optional.empty();
  }

  private static String oppositeName(final Side side) {
    return side == Side.BUY ? "ask" : "bid";
  }
}
