package dev.osprey.backtest;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The replay fill model of one venue (src-docs/backtest.md):
 *
 * <ul>
 *   <li>A MARKET order fills completely at the tick's ask (BUY) or bid (SELL), taker fee.
 *   <li>A LIMIT order that is marketable when placed fills completely at once at the tick's ask
 *       (BUY) or bid (SELL), taker fee; a LIMIT_MAKER order that would be marketable is rejected.
 *   <li>A resting LIMIT BUY fills completely at its limit price, maker fee, on the first later tick
 *       whose ask ≤ limit (SELL: bid ≥ limit).
 *   <li>Trading rules are checked on placement; balances too when the venue has any (a BUY needs
 *       {@code amount × price × (1 + fee)} of quote, a SELL the base amount; resting orders reserve).
 * </ul>
 *
 * Not thread-safe; the replay drives it from one thread.
 */
final class ReplayVenue {
  private final String name;
  private final VenueSpec spec;
  private final Map<String, BigDecimal> balances;
  private final Map<TradingPair, TopOfBook> books = new HashMap<>();
  private final Map<ClientOrderId, Resting> resting = new LinkedHashMap<>();
  private final Map<ClientOrderId, Boolean> known = new HashMap<>();
  private long trades;
  private long orders;

  /** A resting limit order and the balance it reserves. */
  private record Resting(OrderRequest request, String exchangeId, String asset, BigDecimal reserved) {}

  ReplayVenue(final String name, final VenueSpec spec) {
    this.name = name;
    this.spec = spec;
    this.balances = spec.balances() == null ? null : new HashMap<>(spec.balances());
  }

  Optional<TopOfBook> book(final TradingPair pair) {
    return Optional.ofNullable(books.get(pair));
  }

  TradingRules rules(final TradingPair pair) {
    return spec.market(pair).rules();
  }

  /** Sets the pair's quote and returns the fills of resting orders it crosses, in arrival order. */
  List<OrderEvent> quote(final TradingPair pair, final Price bid, final Price ask, final Instant at) {
    books.put(pair, TopOfBook.of(name, pair, bid, ask, at));
    final List<OrderEvent> out = new ArrayList<>();
    for (Resting r : List.copyOf(resting.values())) {
      final OrderRequest q = r.request();
      if (!q.tradingPair().equals(pair)) {
        continue;
      }
      final boolean crossed = q.side() == Side.BUY ? ask.le(q.price()) : bid.ge(q.price());
      if (crossed) {
        resting.remove(q.clientOrderId());
        release(r);
        out.add(fill(q, q.price(), true, at));
      }
    }
    return out;
  }

  List<OrderEvent> place(final OrderRequest q, final Instant at) {
    final ClientOrderId id = q.clientOrderId();
    if (known.putIfAbsent(id, Boolean.TRUE) != null) {
      return List.of();   // idempotent per client order id
    }
    final TopOfBook top = books.get(q.tradingPair());
    if (top == null) {
      return reject(id, RejectReason.NO_MARKET_DATA, "no quote for " + q.tradingPair() + " on " + name, at);
    }
    final boolean marketable = q.orderType() == OrderType.MARKET
        || (q.side() == Side.BUY ? top.ask().le(q.price()) : top.bid().ge(q.price()));
    if (marketable && q.orderType() == OrderType.LIMIT_MAKER) {
      return reject(id, RejectReason.WOULD_TAKE_LIQUIDITY, "LIMIT_MAKER order would take liquidity", at);
    }
    final Price price = marketable ? top.takerPrice(q.side()) : q.price();
    final Optional<String> rule = rules(q.tradingPair()).violation(
        q.amount().value(), q.orderType() == OrderType.MARKET ? null : q.price().value());
    if (rule.isPresent()) {
      return reject(id, RejectReason.TRADING_RULE, rule.get(), at);
    }
    final BigDecimal fee = marketable ? spec.market(q.tradingPair()).takerFee() : spec.market(q.tradingPair()).makerFee();
    final String asset = q.side() == Side.BUY ? q.tradingPair().quote() : q.tradingPair().base();
    final BigDecimal needed = q.side() == Side.BUY
        ? price.value().multiply(q.amount().value()).multiply(BigDecimal.ONE.add(fee))
        : q.amount().value();
    if (balances != null && balances.getOrDefault(asset, BigDecimal.ZERO).compareTo(needed) < 0) {
      return reject(id, RejectReason.INSUFFICIENT_BALANCE,
          "needs " + needed.toPlainString() + " " + asset + ", has "
              + balances.getOrDefault(asset, BigDecimal.ZERO).toPlainString(), at);
    }
    final String exchangeId = name + "-O" + (++orders);
    final List<OrderEvent> out = new ArrayList<>();
    out.add(new OrderEvent.Accepted(id, exchangeId, at));
    if (marketable) {
      out.add(fill(q, price, false, at));
    } else {
      if (balances != null) {
        balances.merge(asset, needed.negate(), BigDecimal::add);
      }
      resting.put(id, new Resting(q, exchangeId, asset, needed));
    }
    return out;
  }

  List<OrderEvent> cancel(final ClientOrderId id, final Instant at) {
    final Resting r = resting.remove(id);
    if (r == null) {
      return List.of();
    }
    release(r);
    return List.of(new OrderEvent.Cancelled(id, at));
  }

  private void release(final Resting r) {
    if (balances != null) {
      balances.merge(r.asset(), r.reserved(), BigDecimal::add);
    }
  }

  private OrderEvent fill(final OrderRequest q, final Price price, final boolean maker, final Instant at) {
    final var market = spec.market(q.tradingPair());
    final BigDecimal rate = maker ? market.makerFee() : market.takerFee();
    final QuoteAmount notional = price.times(q.amount());
    final QuoteAmount fee = notional.times(rate);
    if (balances != null) {
      final TradingPair p = q.tradingPair();
      if (q.side() == Side.BUY) {
        balances.merge(p.quote(), notional.plus(fee).value().negate(), BigDecimal::add);
        balances.merge(p.base(), q.amount().value(), BigDecimal::add);
      } else {
        balances.merge(p.base(), q.amount().value().negate(), BigDecimal::add);
        balances.merge(p.quote(), notional.minus(fee).value(), BigDecimal::add);
      }
    }
    final Fill f = new Fill(name + "-T" + (++trades), price, Quantity.of(q.amount().value()), fee, maker, at);
    return new OrderEvent.Filled(q.clientOrderId(), f, at);
  }

  private static List<OrderEvent> reject(
      final ClientOrderId id, final RejectReason reason, final String message, final Instant at) {
    return List.of(new OrderEvent.Rejected(id, reason, message, at));
  }
}
