package dev.osprey.domain.executor.order;

import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What an order executor would send next, and when a resting chaser order is stale. Pure pricing:
 * the strategy decides type and price, the venue rules floor price and amount the way the
 * reference connector quantizes them, so that the persisted request is exactly what the venue gets.
 */
public sealed interface OrderPlan {

  /** The strategy prices off the book and no quote is known yet: wait for one. */
  record WaitForQuote() implements OrderPlan {}

  /** The amount left cannot form a valid order under the venue rules (why, in words). */
  record Unplaceable(String reason) implements OrderPlan {}

  /** Send this order. */
  record Place(OrderRequest request) implements OrderPlan {}

  /**
   * The next order for {@code remaining} base under {@code config}'s strategy.
   *
   * @param id the client order id the order will carry
   * @param remaining what is still to execute, before quantization
   * @param market the latest book (may be absent) and the venue rules
   * @return the order, or why none can be sent now
   */
  static OrderPlan next(
      final OrderExecutorConfig config,
      final ClientOrderId id,
      final Quantity remaining,
      final MarketView market) {
    final ExecutionStrategy strategy = config.executionStrategy();
    final Optional<TopOfBook> top = market.top();
    if (needsQuote(strategy) && top.isEmpty()) {
      return new WaitForQuote();
    }
    final TradingRules rules = market.rules();
    final Quantity amount =
        new Quantity(Decimals.floorTo(remaining.value(), rules.baseIncrement()));
    final Price price =
        strategy == ExecutionStrategy.MARKET ? null : limitPrice(config, top, rules);
    if (price != null && price.isZero()) {
      return new Unplaceable("limit price rounds to 0");
    }
    if (amount.isZero()) {
      return new Unplaceable(
          "amount " + remaining + " rounds to 0 at base_increment "
              + rules.baseIncrement().toPlainString());
    }
    final Price reference =
        price != null ? price : top.map(t -> t.takerPrice(config.side())).orElse(null);
    final Optional<String> broken =
        rules.violation(amount.value(), reference == null ? null : reference.value());
    if (broken.isPresent()) {
      return new Unplaceable(broken.get());
    }
    return new Place(
        new OrderRequest(
            id,
            config.connectorName(),
            config.tradingPair(),
            config.side(),
            orderType(strategy),
            amount,
            price,
            config.positionAction()));
  }

  /**
   * True when a resting LIMIT_CHASER order at {@code orderPrice} lags the best price by more than
   * the refresh threshold. Only a market moving away renews it: the chaser never backs off.
   */
  static boolean isStale(
      final OrderExecutorConfig config, final Price orderPrice, final TopOfBook top) {
    final BigDecimal threshold = config.chaserConfig().refreshThreshold();
    if (config.side() == Side.BUY) {
      final BigDecimal bid = top.bid().value();
      return bid.subtract(orderPrice.value()).compareTo(bid.multiply(threshold)) > 0;
    }
    final BigDecimal ask = top.ask().value();
    return orderPrice.value().subtract(ask).compareTo(ask.multiply(threshold)) > 0;
  }

  static boolean needsQuote(final ExecutionStrategy strategy) {
    return strategy == ExecutionStrategy.LIMIT_MAKER || strategy == ExecutionStrategy.LIMIT_CHASER;
  }

  private static OrderType orderType(final ExecutionStrategy strategy) {
    switch (strategy) {
      case MARKET:
        return OrderType.MARKET;
      case LIMIT:
        return OrderType.LIMIT;
      default:
        return OrderType.LIMIT_MAKER;
    }
  }

  /** The unquantized strategy price, floored to the price increment. */
  private static Price limitPrice(
      final OrderExecutorConfig config, final Optional<TopOfBook> top, final TradingRules rules) {
    final boolean buy = config.side() == Side.BUY;
    final Price raw;
    if (config.executionStrategy() == ExecutionStrategy.LIMIT) {
      raw = config.price();
    } else if (config.executionStrategy() == ExecutionStrategy.LIMIT_MAKER) {
      final TopOfBook t = top.orElseThrow();
      raw = buy ? Price.min(config.price(), t.bid()) : Price.max(config.price(), t.ask());
    } else {
      final TopOfBook t = top.orElseThrow();
      final BigDecimal distance = config.chaserConfig().distance();
      raw = buy
          ? t.bid().scale(BigDecimal.ONE.subtract(distance))
          : t.ask().scale(BigDecimal.ONE.add(distance));
    }
    return new Price(Decimals.floorTo(raw.value(), rules.priceIncrement()));
  }
}
