package dev.osprey.exchange.paper;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.exchange.VenueOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a {@link PaperExchange} knows, as plain values: what {@link PaperExchange#snapshot}
 * takes and {@link PaperExchange#restore} resumes from, so that a restarted node's paper venue
 * continues exactly where it stopped (markets, quotes, balances, open and past orders, id
 * counters). {@link PaperStateStore} keeps it as JSON.
 *
 * <p>The values are kept as they are in the venue, scale included, so a restored venue computes
 * the same numbers and reports them the same way. Lists and maps are copied; balance maps are
 * sorted by asset so that the same state always writes the same file.
 *
 * @param format the layout version of this record tree ({@link #FORMAT}); a file of another
 *     layout is refused rather than half read
 * @param venue the venue's name; ids such as {@code paper-O7} embed it
 * @param defaults the config a market gets when a quote lists it
 * @param markets every listed market, in listing order
 * @param balances total and locked funds per asset
 * @param orders every order the venue received, open and done, in arrival order
 * @param counters the last number given to an order id, a trade id and an arrival
 */
public record PaperState(
    int format,
    String venue,
    MarketConfig defaults,
    List<Market> markets,
    Balances balances,
    List<Order> orders,
    Counters counters) {

  /** The current layout version. */
  public static final int FORMAT = 1;

  public PaperState {
    if (format != FORMAT) {
      throw new IllegalArgumentException(
          "unsupported paper state format " + format + ", this version reads " + FORMAT);
    }
    required(venue, "venue");
    required(defaults, "defaults");
    markets = List.copyOf(required(markets, "markets"));
    required(balances, "balances");
    orders = List.copyOf(required(orders, "orders"));
    required(counters, "counters");
  }

  /** {@code value} of the field the state file names {@code field}, which it must have. */
  private static <T> T required(final T value, final String field) {
    return Objects.requireNonNull(value, field + " is required");
  }

  /**
   * One listed market.
   *
   * @param quote its latest quote, null before the first one
   */
  public record Market(TradingPair pair, MarketConfig config, Quote quote) {
    public Market {
      required(pair, "pair");
      required(config, "config");
    }
  }

  /**
   * The latest top of book of a market and how much of its displayed sizes fills have used.
   *
   * @param bidSize displayed bid size, null for unlimited
   * @param askSize displayed ask size, null for unlimited
   * @param bidLeft what is left of {@code bidSize} for later fills until the next quote (null when
   *     unlimited)
   * @param askLeft what is left of {@code askSize}, likewise
   */
  public record Quote(
      Price bid,
      Price ask,
      Quantity bidSize,
      Quantity askSize,
      Instant timestamp,
      Quantity bidLeft,
      Quantity askLeft) {
    public Quote {
      required(bid, "bid");
      required(ask, "ask");
      required(timestamp, "timestamp");
      if ((bidSize == null) != (bidLeft == null) || (askSize == null) != (askLeft == null)) {
        throw new IllegalArgumentException(
            "a quote has a size left exactly when it has a displayed size");
      }
    }
  }

  /**
   * Funds per asset. Available = total − locked.
   *
   * @param total every asset the account holds, locked funds included
   * @param locked what open orders hold back (quote for a BUY, base for a SELL)
   */
  public record Balances(Map<String, BigDecimal> total, Map<String, BigDecimal> locked) {
    public Balances {
      total = sorted(required(total, "total"));
      locked = sorted(required(locked, "locked"));
    }

    private static Map<String, BigDecimal> sorted(final Map<String, BigDecimal> m) {
      final Map<String, BigDecimal> out = new TreeMap<>();
      for (Map.Entry<String, BigDecimal> e : m.entrySet()) {
        out.put(
            Objects.requireNonNull(e.getKey(), "asset"),
            Objects.requireNonNull(e.getValue(), e.getKey()));
      }
      return Collections.unmodifiableMap(out);
    }
  }

  /**
   * One order as the venue holds it.
   *
   * @param exchangeOrderId null for a rejected order
   * @param sequence its arrival number: matching priority among equal prices
   * @param unitReserve what one base unit of the order locks (quote per unit for a BUY, 1 for a
   *     SELL, 0 for a rejected order)
   * @param reserved what the order still locks (0 once done)
   * @param remaining base amount still to fill
   * @param rejectReason set for a rejected order only
   * @param rejectMessage set for a rejected order only
   */
  public record Order(
      OrderRequest request,
      String exchangeOrderId,
      long sequence,
      VenueOrder.State state,
      BigDecimal unitReserve,
      BigDecimal reserved,
      Quantity remaining,
      List<Fill> fills,
      Instant updatedAt,
      RejectReason rejectReason,
      String rejectMessage) {
    public Order {
      required(request, "request");
      required(state, "state");
      required(unitReserve, "unit_reserve");
      required(reserved, "reserved");
      required(remaining, "remaining");
      fills = List.copyOf(required(fills, "fills"));
      required(updatedAt, "updated_at");
      if (state != VenueOrder.State.REJECTED && exchangeOrderId == null) {
        throw new IllegalArgumentException(
            "order " + request.clientOrderId() + " was accepted but has no exchange_order_id");
      }
      if (state.isDone() && reserved.signum() != 0) {
        throw new IllegalArgumentException(
            "done order " + request.clientOrderId() + " still reserves "
                + reserved.toPlainString());
      }
    }
  }

  /**
   * The last numbers given out. The next order id is {@code <venue>-O<orders + 1>}, the next trade
   * id {@code <venue>-T<trades + 1>}; {@code arrivals} numbers every order received, rejected ones
   * included.
   */
  public record Counters(long orders, long trades, long arrivals) {
    public Counters {
      if (orders < 0 || trades < 0 || arrivals < 0) {
        throw new IllegalArgumentException("counters must not be negative");
      }
    }
  }
}
