package dev.osprey.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.exchange.venue.FeeInQuote;
import dev.osprey.exchange.venue.VenueOrderTracker;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchange.binance.dto.trade.BinanceNewOrder;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.knowm.xchange.binance.dto.trade.BinanceTrade;
import org.knowm.xchange.binance.dto.trade.OrderStatus;

/**
 * Binance's messages fed to the shared {@link VenueOrderTracker}, which holds the rules (acceptance
 * once and first, a fill once per trade, a final state reporting more filled than seen asks for a
 * look-up, cancels and rejections once). Three sources say the same things: the new order's FULL
 * answer (status and fills), the user-data stream's {@code executionReport}s, and a look-up (the
 * order and its trades). A fill's id is {@code symbol:tradeId} in all three, so the same trade from
 * two of them counts once. Fees are in quote (see {@link FeeInQuote}).
 */
final class BinanceOrderTracker extends VenueOrderTracker {
  private final BinanceMarkets markets;

  BinanceOrderTracker(final BinanceMarkets markets) {
    this.markets = markets;
  }

  Tracked register(final OrderRequest request) {
    return register(request, BinanceMarkets.symbol(request.tradingPair()));
  }

  /** The FULL answer to a new order of {@code id}: accepted, its fills so far, its status. */
  Update onNewOrder(final ClientOrderId id, final BinanceNewOrder o, final Instant now) {
    final Instant at = o.transactTime > 0 ? Instant.ofEpochMilli(o.transactTime) : now;
    final List<Fill> fills = new ArrayList<>();
    for (BinanceTrade t : o.fills == null ? List.<BinanceTrade>of() : o.fills) {
      fill(o.symbol, tradeId(t), t.price, t.qty, t.commission, t.commissionAsset, false, at)
          .ifPresent(fills::add);
    }
    final Update u = onAccepted(id, Long.toString(o.orderId), at);
    final Update rest =
        restReport(id, o.symbol, o.orderId, o.status, o.executedQty, at, fills, at, false);
    final List<dev.osprey.domain.order.OrderEvent> events = new ArrayList<>(u.events());
    events.addAll(rest.events());
    return new Update(events, rest.needsLookup());
  }

  /** The order an {@code executionReport} is about, if this tracker knows it. */
  Optional<Tracked> reported(final JsonNode m) {
    final String cid = clientOrderId(m);
    return cid.isBlank() ? Optional.empty() : find(ClientOrderId.of(cid));
  }

  /** A cancel's report names the cancel request in {@code c} and the order in {@code C}. */
  private static String clientOrderId(final JsonNode m) {
    final String original = m.path("C").asText("");
    return "CANCELED".equals(m.path("x").asText()) && !original.isBlank()
        ? original
        : m.path("c").asText("");
  }

  /** A user-data stream {@code executionReport}; anything else, or not ours, changes nothing. */
  Update onExecutionReport(final JsonNode m, final Instant now) {
    final String exec = m.path("x").asText();
    final String cid = clientOrderId(m);
    if (cid.isBlank()) {
      return Update.NONE;
    }
    final String symbol = m.path("s").asText();
    final Instant at = millis(m.path("T").asLong(0), millis(m.path("E").asLong(0), now));
    final List<Fill> fills = new ArrayList<>(1);
    if ("TRADE".equals(exec)) {
      fill(
              symbol,
              m.path("t").asText(),
              BinanceMarkets.decimal(m.path("L").asText()),
              BinanceMarkets.decimal(m.path("l").asText()),
              BinanceMarkets.decimal(m.path("n").asText()),
              m.path("N").asText(null),
              m.path("m").asBoolean(false),
              at)
          .ifPresent(fills::add);
    }
    return report(
        ClientOrderId.of(cid),
        symbol,
        m.path("i").asText(),
        millis(m.path("O").asLong(0), at),
        fills,
        state(m.path("X").asText()),
        BinanceMarkets.decimal(m.path("z").asText()),
        at,
        false);
  }

  /** A look-up: the order and its trades; what the stream missed comes out here, once. */
  Update onSnapshot(final BinanceOrder o, final List<BinanceTrade> trades, final Instant now) {
    final Instant at = o.time > 0 ? Instant.ofEpochMilli(o.time) : now;
    final List<Fill> fills = new ArrayList<>();
    for (BinanceTrade t : trades) {
      fill(
              o.symbol,
              tradeId(t),
              t.price,
              t.qty,
              t.commission,
              t.commissionAsset,
              t.isMaker,
              t.time > 0 ? Instant.ofEpochMilli(t.time) : at)
          .ifPresent(fills::add);
    }
    return restReport(
        ClientOrderId.of(o.clientOrderId),
        o.symbol,
        o.orderId,
        o.status,
        o.executedQty,
        at,
        fills,
        now,
        true);
  }

  /**
   * An order as a REST answer shows it (a new order's FULL answer or a look-up), created at {@code
   * created}, with the fills it lists; XChange leaves {@code executedQty} null when Binance sent
   * none.
   */
  private Update restReport(
      final ClientOrderId id,
      final String symbol,
      final long orderId,
      final OrderStatus status,
      final BigDecimal executedQty,
      final Instant created,
      final List<Fill> fills,
      final Instant at,
      final boolean snapshot) {
    return report(
        id,
        symbol,
        Long.toString(orderId),
        created,
        fills,
        state(status),
        executedQty == null ? BigDecimal.ZERO : executedQty,
        at,
        snapshot);
  }

  private Optional<Fill> fill(
      final String symbol,
      final String tradeId,
      final BigDecimal price,
      final BigDecimal qty,
      final BigDecimal commission,
      final String asset,
      final boolean maker,
      final Instant at) {
    final Optional<TradingPair> pair = markets.pair(symbol);
    if (tradeId == null
        || tradeId.isBlank()
        || pair.isEmpty()
        || price == null
        || qty == null
        || qty.signum() <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Fill(
            symbol + ":" + tradeId,
            new Price(price),
            new Quantity(qty),
            FeeInQuote.of(
                pair.get(), commission == null ? BigDecimal.ZERO : commission, asset, price),
            maker,
            at));
  }

  /** A trade's id: {@code tradeId} in an order's answer, {@code id} in {@code myTrades}. */
  private static String tradeId(final BinanceTrade t) {
    return Long.toString(t.tradeId != 0 ? t.tradeId : t.id);
  }

  private static VenueState state(final OrderStatus status) {
    return state(status == null ? "" : status.name());
  }

  static VenueState state(final String status) {
    switch (status) {
      case "FILLED":
        return VenueState.FILLED;
      case "CANCELED":
      case "EXPIRED":
      case "EXPIRED_IN_MATCH":
        return VenueState.CANCELLED;
      case "REJECTED":
        return VenueState.REJECTED;
      default:
        return VenueState.LIVE;
    }
  }

  private static Instant millis(final long ms, final Instant fallback) {
    return ms > 0 ? Instant.ofEpochMilli(ms) : fallback;
  }
}
