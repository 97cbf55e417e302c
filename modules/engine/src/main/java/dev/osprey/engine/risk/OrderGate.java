package dev.osprey.engine.risk;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.domain.risk.OrderRateWindow;
import dev.osprey.domain.risk.OrderRules;
import dev.osprey.domain.risk.RiskDecision;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.engine.risk.RiskProtocol.AuthorizeOrder;
import dev.osprey.engine.risk.RiskProtocol.OrderVerdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The risk supervisor's verdict on each order of its executors: the trading state's rule
 * ({@link OrderRules}), then {@code max_orders_per_second}. The order rate and the count of refused
 * orders are in memory on purpose: a refusal is not a fact of the controller, and persisting each
 * would write at the order rate.
 */
final class OrderGate {
  private final OrderRateWindow orderRate = new OrderRateWindow();
  private final Map<String, Long> refused = new TreeMap<>();

  OrderVerdict verdict(final SupervisorState s, final AuthorizeOrder c, final BigDecimal heldNetBase, final Instant now) {
    final OrderRequest r = c.request();
    final RiskDecision decision = OrderRules.check(s.effectiveState(),
        Boolean.FALSE.equals(s.windDownKeep()),
        new OrderRules.Intent(c.executorId(), r.side(), r.amount().value(), c.executorNetBase(), heldNetBase));
    if (decision instanceof RiskDecision.Denied d) {
      return refuse(d.code().name(), d.message(), 0);
    }
    final Optional<Duration> wait = orderRate.tryAcquire(s.limits().maxOrdersPerSecond(), now);
    if (wait.isPresent()) {
      return refuse(RiskDecision.ReasonCode.ORDER_RATE.name(), RiskLimits.MAX_ORDERS_PER_SECOND + " "
          + s.limits().maxOrdersPerSecond().orElseThrow() + " reached: order of executor " + c.executorId()
          + " waits " + wait.get().toMillis() + " ms", Math.max(1, wait.get().toMillis()));
    }
    return OrderVerdict.ALLOWED;
  }

  /** The verdict on an order that waited for the held positions (REDUCING). */
  OrderVerdict verdict(final SupervisorState s, final SupervisorOutbox.BookForOrder b, final Instant now, final Duration retry) {
    if (b.error() != null) {
      return refuse("RISK_STATE_UNAVAILABLE", "held position unavailable: " + b.error().getMessage(), retry.toMillis());
    }
    final OrderRequest r = b.order().request();
    return verdict(s, b.order(), heldNetBase(b.book(), r.connectorName(), r.tradingPair()), now);
  }

  OrderVerdict refuse(final String code, final String message, final long retryAfterMs) {
    refused.merge(code, 1L, Long::sum);
    return new OrderVerdict(false, code, message, retryAfterMs);
  }

  /** Orders refused since this supervisor started, by reason code. */
  Map<String, Long> refusedOrders() {
    return Map.copyOf(refused);
  }

  /** The controller's held net position on one market, long positive. */
  static BigDecimal heldNetBase(final PositionBook book, final String connector, final TradingPair pair) {
    BigDecimal net = BigDecimal.ZERO;
    for (PositionHold h : book.positions(connector, pair)) {
      net = h.side() == Side.BUY ? net.add(h.amount().value()) : net.subtract(h.amount().value());
    }
    return net;
  }
}
