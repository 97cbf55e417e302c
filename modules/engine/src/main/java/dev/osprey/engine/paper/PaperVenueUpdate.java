package dev.osprey.engine.paper;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.engine.CborSerializable;
import dev.osprey.exchange.paper.MarketConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What one journal event of a paper venue changed, as every node's replica of the venue needs it:
 * numbered by the event's sequence number so that a node notices a gap, applied in this order —
 * markets and quotes first, then the order events (an executor that hears of a fill and asks for
 * the book sees the quote that caused it), then the quote notifications.
 */
public record PaperVenueUpdate(
    long seq,
    List<Listing> markets,
    List<TopOfBook> quotes,
    List<OrderEvent> orderEvents,
    Map<String, BigDecimal> balances)
    implements CborSerializable {

  /** A listed market's fees and rules. */
  public record Listing(TradingPair pair, MarketConfig config) implements CborSerializable {}

  public PaperVenueUpdate {
    markets = List.copyOf(markets);
    quotes = List.copyOf(quotes);
    orderEvents = List.copyOf(orderEvents);
    balances = Map.copyOf(balances);
  }
}
