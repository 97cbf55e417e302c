package dev.osprey.exchange.paper;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * One listed market of the paper venue: its config, its latest quote, the liquidity of that quote
 * not yet consumed, and its open orders. Guarded by the {@link PaperExchange} lock.
 *
 * <p>Displayed sizes are shared: every fill against the ask (any BUY, taker or maker) consumes the
 * ask size of the current quote, every fill against the bid consumes the bid size, until the next
 * quote restores them. A null size is unlimited.
 */
final class PaperMarket {
  private final List<PaperOrder> open = new ArrayList<>();
  private MarketConfig config;
  private TopOfBook top;
  private Quantity bidLeft;
  private Quantity askLeft;

  PaperMarket(final MarketConfig config) {
    this.config = config;
  }

  /** The market {@code saved} describes, without its open orders (the venue rests them). */
  static PaperMarket restore(final String venue, final PaperState.Market saved) {
    final PaperMarket m = new PaperMarket(saved.config());
    final PaperState.Quote q = saved.quote();
    if (q != null) {
      m.top =
          new TopOfBook(
              venue, saved.pair(), q.bid(), q.ask(), q.bidSize(), q.askSize(), q.timestamp());
      m.bidLeft = q.bidLeft();
      m.askLeft = q.askLeft();
    }
    return m;
  }

  /** This market as plain values; its open orders are saved with the venue's orders. */
  PaperState.Market toState(final TradingPair pair) {
    final PaperState.Quote q =
        top == null
            ? null
            : new PaperState.Quote(
                top.bid(), top.ask(), top.bidSize(), top.askSize(), top.timestamp(), bidLeft,
                askLeft);
    return new PaperState.Market(pair, config, q);
  }

  MarketConfig config() {
    return config;
  }

  void configure(final MarketConfig next) {
    this.config = next;
  }

  /** The latest quote, or null before the first one. */
  TopOfBook top() {
    return top;
  }

  void quote(final TopOfBook next) {
    this.top = next;
    this.bidLeft = next.bidSize();
    this.askLeft = next.askSize();
  }

  /** True when a limit order on {@code side} at {@code limit} meets the opposite best price. */
  boolean crosses(final Side side, final Price limit) {
    if (top == null) {
      return false;
    }
    return side == Side.BUY ? top.ask().le(limit) : top.bid().ge(limit);
  }

  /** Liquidity an order on {@code side} may still take from this quote; null when unlimited. */
  Quantity liquidityFor(final Side side) {
    return side == Side.BUY ? askLeft : bidLeft;
  }

  void consume(final Side side, final Quantity amount) {
    if (side == Side.BUY && askLeft != null) {
      askLeft = askLeft.minusFloored(amount);
    } else if (side == Side.SELL && bidLeft != null) {
      bidLeft = bidLeft.minusFloored(amount);
    }
  }

  void rest(final PaperOrder order) {
    open.add(order);
  }

  void remove(final PaperOrder order) {
    open.remove(order);
  }

  /** Open orders of {@code side} in matching priority (a copy: matching removes filled ones). */
  List<PaperOrder> openInPriority(final Side side) {
    final List<PaperOrder> out = new ArrayList<>();
    for (PaperOrder o : open) {
      if (o.side() == side) {
        out.add(o);
      }
    }
    out.sort(PaperOrder.PRIORITY);
    return out;
  }

  List<PaperOrder> open() {
    return List.copyOf(open);
  }
}
