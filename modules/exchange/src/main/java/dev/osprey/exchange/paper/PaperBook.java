package dev.osprey.exchange.paper;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper venue's state and its matching: listed markets, order records, the wallet and the id
 * counters, and what placing, a quote and cancelling do to them ({@link PaperExchange} documents
 * the rules). Not thread-safe: the venue calls it with its lock held, and {@code publish} only
 * queues events, which the venue delivers after releasing the lock.
 */
final class PaperBook {
  /** The venue's logger: operators filter on it, the split into classes is not theirs to know. */
  private static final Logger LOG = LoggerFactory.getLogger(PaperExchange.class);

  final Map<TradingPair, PaperMarket> markets = new LinkedHashMap<>();
  final Map<ClientOrderId, PaperOrder> orders = new HashMap<>();
  final Wallet wallet = new Wallet();
  private final String name;
  private final Consumer<OrderEvent> publish;
  private long orderSequence;
  private long tradeSequence;
  private long arrivalSequence;

  PaperBook(final String name, final Consumer<OrderEvent> publish) {
    this.name = name;
    this.publish = publish;
  }

  /** Replaces everything with {@code state} (checked by {@link PaperStateCheck}). */
  void load(final PaperState state) {
    for (PaperState.Market m : state.markets()) {
      markets.put(m.pair(), PaperMarket.restore(name, m));
    }
    wallet.restore(state.balances());
    final List<PaperState.Order> byArrival = new ArrayList<>(state.orders());
    byArrival.sort(Comparator.comparingLong(PaperState.Order::sequence));
    for (PaperState.Order saved : byArrival) {
      final PaperOrder order = PaperOrder.restore(saved);
      orders.put(saved.request().clientOrderId(), order);
      if (order.isOpen()) {
        markets.get(saved.request().tradingPair()).rest(order);
      }
    }
    orderSequence = state.counters().orders();
    tradeSequence = state.counters().trades();
    arrivalSequence = state.counters().arrivals();
  }

  PaperState.Counters counters() {
    return new PaperState.Counters(orderSequence, tradeSequence, arrivalSequence);
  }

  /**
   * Screens and takes {@code request}, filling what takes on arrival. A known client order id
   * changes nothing and re-publishes that order's events.
   *
   * @return whether the state changed
   */
  boolean place(final OrderRequest request, final Instant now) {
    final ClientOrderId id = request.clientOrderId();
    final PaperOrder known = orders.get(id);
    if (known != null) {
      for (OrderEvent e : known.snapshot().asEvents()) {
        publish.accept(e);
      }
      return false;
    }
    final PaperMarket market = markets.get(request.tradingPair());
    final OrderScreen.Verdict verdict = OrderScreen.screen(request, market, wallet);
    if (!verdict.accepted()) {
      orders.put(
          id,
          PaperOrder.rejected(
              request, ++arrivalSequence, verdict.reason(), verdict.message(), now));
      LOG.debug("{} rejected {}: {}", name, id, verdict.message());
      publish.accept(new OrderEvent.Rejected(id, verdict.reason(), verdict.message(), now));
      return true;
    }
    final PaperOrder order =
        PaperOrder.accepted(
            request, name + "-O" + ++orderSequence, ++arrivalSequence, verdict.unitReserve(), now);
    orders.put(id, order);
    wallet.lock(lockedAsset(order), order.reserved());
    market.rest(order);
    publish.accept(new OrderEvent.Accepted(id, order.exchangeOrderId, now));
    if (verdict.takes()) {
      execute(market, order, market.top().takerPrice(order.side()), false, now);
    }
    return true;
  }

  /** Fills the open orders of {@code market} that its new quote crosses, in priority. */
  void match(final PaperMarket market, final Instant now) {
    final TopOfBook top = market.top();
    for (Side side : Side.values()) {
      for (PaperOrder order : market.openInPriority(side)) {
        if (!order.isOpen()) {
          continue;
        }
        if (order.request.orderType() == OrderType.MARKET) {
          execute(market, order, top.takerPrice(side), false, now);
        } else if (market.crosses(side, order.request.price())) {
          execute(market, order, order.request.price(), true, now);
        }
      }
    }
  }

  /** Fills as much of {@code order} at {@code price} as the quote's liquidity and funds allow. */
  private void execute(
      final PaperMarket market,
      final PaperOrder order,
      final Price price,
      final boolean maker,
      final Instant now) {
    final Quantity liquidity = market.liquidityFor(order.side());
    final Quantity wanted =
        liquidity == null ? order.remaining() : Quantity.min(order.remaining(), liquidity);
    if (wanted.isZero()) {
      return;
    }
    final BigDecimal rate = market.config().feeRate(maker);
    final Quantity affordable = affordable(market, order, price, rate, wanted);
    if (affordable.isPositive()) {
      fill(market, order, price, affordable, maker, rate, now);
    }
    if (affordable.lt(wanted)) {
      LOG.info("{} cancels the rest of {}: funds no longer cover it at {}", name,
          order.request.clientOrderId(), price);
      cancel(order, now);
    }
  }

  /**
   * How much of {@code wanted} the order can pay for. Only a BUY whose fill costs more per unit
   * than its lock released per unit (a MARKET remainder after the ask rose) draws on free funds.
   */
  private Quantity affordable(
      final PaperMarket market,
      final PaperOrder order,
      final Price price,
      final BigDecimal rate,
      final Quantity wanted) {
    if (order.side() == Side.SELL) {
      return wanted;
    }
    final BigDecimal perUnit = price.value().multiply(BigDecimal.ONE.add(rate));
    final BigDecimal extraPerUnit = perUnit.subtract(order.unitReserve);
    if (extraPerUnit.signum() <= 0) {
      return wanted;
    }
    final BigDecimal free =
        wallet.available(order.request.tradingPair().quote()).max(BigDecimal.ZERO);
    final BigDecimal increment = market.config().rules().baseIncrement();
    // Rounded down on purpose, never to the nearest: a fill must not spend more than is free.
    final BigDecimal most =
        increment.signum() == 0
            ? free.divide(extraPerUnit, new MathContext(34, RoundingMode.FLOOR))
            : free.divide(extraPerUnit.multiply(increment), 0, RoundingMode.FLOOR)
                .multiply(increment);
    return Quantity.min(wanted, new Quantity(most));
  }

  private void fill(
      final PaperMarket market,
      final PaperOrder order,
      final Price price,
      final Quantity amount,
      final boolean maker,
      final BigDecimal rate,
      final Instant now) {
    final TradingPair pair = order.request.tradingPair();
    final BigDecimal notional = price.value().multiply(amount.value());
    final BigDecimal fee = notional.multiply(rate);
    final Fill fill =
        new Fill(name + "-T" + ++tradeSequence, price, amount, new QuoteAmount(fee), maker, now);
    final BigDecimal released = order.recordFill(fill);
    if (order.side() == Side.BUY) {
      wallet.unlock(pair.quote(), released);
      wallet.add(pair.quote(), notional.add(fee).negate());
      wallet.add(pair.base(), amount.value());
    } else {
      wallet.unlock(pair.base(), released);
      wallet.add(pair.base(), amount.value().negate());
      wallet.add(pair.quote(), notional.subtract(fee));
    }
    market.consume(order.side(), amount);
    if (!order.isOpen()) {
      market.remove(order);
    }
    publish.accept(new OrderEvent.Filled(order.request.clientOrderId(), fill, now));
  }

  void cancel(final PaperOrder order, final Instant now) {
    final BigDecimal released = order.cancel(now);
    wallet.unlock(lockedAsset(order), released);
    markets.get(order.request.tradingPair()).remove(order);
    publish.accept(new OrderEvent.Cancelled(order.request.clientOrderId(), now));
  }

  private static String lockedAsset(final PaperOrder order) {
    final TradingPair pair = order.request.tradingPair();
    return order.side() == Side.BUY ? pair.quote() : pair.base();
  }
}
