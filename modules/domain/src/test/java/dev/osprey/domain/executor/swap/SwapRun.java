package dev.osprey.domain.executor.swap;

import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorRun;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@link ExecutorRun} of a {@link SwapExecutor}, which places one order: the venue reports here
 * are all about that order. Fills pay 0.1 % of their notional.
 */
final class SwapRun extends ExecutorRun<SwapExecutor, SwapRun, List<ExecutorEvent>> {
  static final String ID = "sw1";
  static final TradingPair PAIR = TradingPair.parse("SOL-USDC");
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final String FEE_RATE = "0.001";

  SwapRun(final SwapExecutorConfig config) {
    super(() -> SwapExecutor.create(config), PAIR, T0, facts -> facts);
  }

  static SwapExecutorConfig config(
      final Side side, final String amount, final String slippage, final List<String> providers) {
    return new SwapExecutorConfig(
        ID, "ctl", T0, null, PAIR, side, Quantity.of(amount),
        slippage == null ? null : new BigDecimal(slippage), providers);
  }

  List<ExecutorEvent> accepted() {
    return accept(1);
  }

  /** A trade of {@code amount} at {@code price}, paying {@link #FEE_RATE} of its notional. */
  List<ExecutorEvent> fill(final String price, final String amount) {
    return fill(1, price, amount, FEE_RATE);
  }

  List<ExecutorEvent> cancelled() {
    return cancelled(1);
  }

  List<ExecutorEvent> rejected(final RejectReason reason) {
    return venue(new OrderEvent.Rejected(oid(), reason, "no", now()));
  }

  static ClientOrderId oid() {
    return ClientOrderId.forExecutor(ID, 1);
  }
}
