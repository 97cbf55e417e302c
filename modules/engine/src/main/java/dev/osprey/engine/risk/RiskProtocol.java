package dev.osprey.engine.risk;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.CborSerializable;
import dev.osprey.engine.executor.ExecutorView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;

/**
 * What others may send a controller's risk supervisor ({@link RiskSupervisorEntity}) and what it
 * answers; kept apart from the entity so that executors, the global risk entity and gateways
 * need not see the entity (and the entity need not see them).
 */
public final class RiskProtocol {
  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "RiskSupervisor");

  private RiskProtocol() {}

  public interface Command extends CborSerializable {}

  /**
   * Asks to spawn an executor. {@code exposure} is its planned exposure in quote, empty when it
   * could not be valued (then denied). Replies with the created executor's view, or a DENIED error
   * whose code is the reason.
   */
  public record RequestSpawn(
      ExecutorConfig config, Optional<QuoteAmount> exposure, ActorRef<StatusReply<ExecutorView>> replyTo)
      implements Command {}

  /** An executor of this controller terminated; acknowledged with Done (idempotent). */
  public record ExecutorClosed(
      String executorId,
      CloseType closeType,
      QuoteAmount netPnlQuote,
      Instant closedAt,
      ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  /** Replies with limits, usage and trading state. */
  public record GetRisk(ActorRef<RiskView> replyTo) implements Command {}

  /** Replaces the limits (absent = off). */
  public record SetLimits(RiskLimits limits, ActorRef<StatusReply<RiskView>> replyTo) implements Command {}

  /** Sets the trading state; with {@code stopExecutors}, stops every open executor too. */
  public record SetTradingState(
      TradingState state,
      String reason,
      boolean stopExecutors,
      boolean keepPosition,
      ActorRef<StatusReply<RiskView>> replyTo)
      implements Command {}

  /** Replies with every executor this controller spawned, newest first. */
  public record ListExecutors(ActorRef<Directory> replyTo) implements Command {}

  /**
   * The global trading state changed (from {@link GlobalRiskEntity}); applied once per version.
   * With {@code stopExecutors} (the global kill switch) every open executor is stopped too.
   */
  public record GlobalStateUpdate(
      long version, TradingState state, String reason, boolean stopExecutors, boolean keepPosition,
      ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  /**
   * May this order of {@code executorId} leave for its venue now? Asked by the executor before
   * every order it sends (cancels excepted).
   *
   * @param executorNetBase the executor's filled inventory on the order's market, in base
   */
  public record AuthorizeOrder(
      String executorId, OrderRequest request, BigDecimal executorNetBase, ActorRef<OrderVerdict> replyTo)
      implements Command {}

  /**
   * The answer to {@link AuthorizeOrder}. A refused order is held by its executor, not failed:
   * asked again after {@code retryAfterMs} (over the order rate) or when the trading state changes.
   */
  public record OrderVerdict(boolean allowed, String reasonCode, String message, long retryAfterMs)
      implements CborSerializable {
    static final OrderVerdict ALLOWED = new OrderVerdict(true, null, null, 0);
  }

  /** One executor in the directory. */
  public record Entry(
      String executorId,
      String type,
      String connectorName,
      String tradingPair,
      String side,
      BigDecimal exposureQuote,
      Instant createdAt,
      boolean confirmed,
      boolean open,
      String closeType,
      BigDecimal netPnlQuote,
      Instant closedAt,
      ExecutorConfig config)
      implements CborSerializable {

    Entry closed(final String type, final BigDecimal pnl, final Instant at) {
      return new Entry(executorId, this.type, connectorName, tradingPair, side, exposureQuote, createdAt,
          true, false, type, pnl, at, config);
    }

    Entry asConfirmed() {
      return new Entry(executorId, type, connectorName, tradingPair, side, exposureQuote, createdAt,
          true, open, closeType, netPnlQuote, closedAt, config);
    }
  }

  /** A recorded denial. */
  public record Denial(String executorId, String type, String reasonCode, String message, Instant at)
      implements CborSerializable {}

  /** The controller's directory. */
  public record Directory(String controllerId, List<Entry> entries) implements CborSerializable {}

  /** Limits, usage and state of one controller. */
  public record RiskView(
      String controllerId,
      RiskLimits limits,
      TradingState tradingState,
      String tradingStateReason,
      int openExecutors,
      BigDecimal exposureQuote,
      BigDecimal dailyPnlQuote,
      BigDecimal cumulativePnlQuote,
      BigDecimal peakPnlQuote,
      BigDecimal drawdownPct,
      int totalExecutors,
      List<Denial> recentDenials,
      boolean tickBlocked,
      String blockReason,
      TradingState globalTradingState,
      TradingState effectiveTradingState,
      boolean windingDown,
      Map<String, Long> refusedOrders)
      implements CborSerializable {}
}
