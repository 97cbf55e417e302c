package dev.osprey.engine.paper;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.engine.CborSerializable;
import dev.osprey.exchange.paper.MarketConfig;
import dev.osprey.exchange.paper.PaperState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What happened to a paper venue, as its journal keeps it: the inputs of the matching, each at
 * the instant it happened. Replaying them through a {@link dev.osprey.exchange.paper.PaperExchange}
 * whose clock reads each event's {@code at} gives back the same books, orders, fills, balances and
 * ids, because the venue is deterministic; so the journal holds causes, and the outcomes (fills,
 * cancels) are recomputed rather than stored twice.
 */
public sealed interface PaperVenueEvent extends CborSerializable {
  Instant at();

  /** The venue's first event: the config new markets get and the balances it starts with. */
  record Opened(MarketConfig defaults, Map<String, BigDecimal> balances, Instant at)
      implements PaperVenueEvent {}

  /** The venue's first event when it continues from a node's saved JSON state. */
  record Imported(PaperState state, Instant at) implements PaperVenueEvent {}

  /** A top of book was set (sizes null = unlimited): lists the pair, fills what it crosses. */
  record QuoteSet(
      TradingPair pair, Price bid, Price ask, Quantity bidSize, Quantity askSize, Instant at)
      implements PaperVenueEvent {}

  /** An order arrived (a known client order id changes nothing; its events are sent again). */
  record OrderPlaced(OrderRequest request, Instant at) implements PaperVenueEvent {}

  /** An open order was cancelled. */
  record OrderCancelled(ClientOrderId clientOrderId, Instant at) implements PaperVenueEvent {}

  /** A market was listed, or its fees and rules changed. */
  record MarketConfigured(TradingPair pair, MarketConfig config, Instant at)
      implements PaperVenueEvent {}

  /** Available balances were set for the listed assets. */
  record BalancesSet(Map<String, BigDecimal> available, Instant at) implements PaperVenueEvent {}
}
