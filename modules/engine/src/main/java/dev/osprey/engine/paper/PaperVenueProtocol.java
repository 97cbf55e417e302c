package dev.osprey.engine.paper;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.engine.CborSerializable;
import dev.osprey.exchange.VenueOrder;
import dev.osprey.exchange.paper.MarketConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/** The messages of a paper venue entity and of the nodes that follow it. */
public final class PaperVenueProtocol {
  private PaperVenueProtocol() {}

  /** What a paper venue entity accepts. */
  public interface Command extends CborSerializable {}

  /** The change asked for is in the journal as event {@code seq} (or needed none after it). */
  public record Applied(long seq) implements CborSerializable {}

  /** Places an order; idempotent by client order id. */
  public record Place(OrderRequest request, ActorRef<Applied> replyTo) implements Command {}

  /** Cancels an order; an unknown or finished one needs nothing. */
  public record Cancel(ClientOrderId clientOrderId, ActorRef<Applied> replyTo)
      implements Command {}

  /** The venue's record of an order. */
  public record Lookup(ClientOrderId clientOrderId, ActorRef<Found> replyTo) implements Command {}

  /** An order as the venue has it; {@code order} is null when it has none by that id. */
  public record Found(VenueOrder order) implements CborSerializable {}

  /** Sets a top of book; refused (nothing persisted) when a price is not positive or bid > ask. */
  public record SetQuote(
      TradingPair pair,
      Price bid,
      Price ask,
      Quantity bidSize,
      Quantity askSize,
      ActorRef<StatusReply<Applied>> replyTo)
      implements Command {}

  /** Lists a market or changes its fees and rules. */
  public record Configure(
      TradingPair pair, MarketConfig config, ActorRef<StatusReply<Applied>> replyTo)
      implements Command {}

  /** Sets the available balance of each given asset; refused when one is negative. */
  public record SetBalances(
      Map<String, BigDecimal> available, ActorRef<StatusReply<Applied>> replyTo)
      implements Command {}

  /** A market's settings and quote, as the venue has them now. */
  public record GetMarket(TradingPair pair, ActorRef<Market> replyTo) implements Command {}

  /** {@code config} is null when the pair is not listed; {@code top} when it has no quote. */
  public record Market(MarketConfig config, TopOfBook top) implements CborSerializable {}

  /** Every open order, oldest first. */
  public record GetOpenOrders(ActorRef<OpenOrders> replyTo) implements Command {}

  public record OpenOrders(List<VenueOrder> orders) implements CborSerializable {}

  /** The balances as the venue has them now. */
  public record GetBalances(ActorRef<Balances> replyTo) implements Command {}

  public record Balances(
      Map<String, BigDecimal> available,
      Map<String, BigDecimal> total,
      Map<String, BigDecimal> locked)
      implements CborSerializable {}

  /**
   * A node follows the venue from after event {@code afterSeq}: it is sent what it missed (or the
   * whole replica), then every update. Nodes send it again now and then, which is also how they
   * find the venue after it moved to another node.
   */
  public record Follow(ActorRef<Feed> follower, long afterSeq) implements Command {}

  /** What a following node receives. */
  public interface Feed extends CborSerializable {}

  /** Updates in order, without gaps. */
  public record Updates(List<PaperVenueUpdate> updates) implements Feed {}

  /** The whole replica, for a node that starts or missed more than the venue still holds. */
  public record Reset(PaperVenueReplica replica) implements Feed {}
}
