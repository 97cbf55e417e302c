package dev.osprey.domain.position;

import dev.osprey.domain.Require;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.order.PositionAction;
import java.util.Objects;
import java.util.Optional;

/**
 * The bucket a held order nets into: one per (connector, pair) for spot and one-way perpetuals,
 * one per (connector, pair, side) for hedge-mode perpetuals, where {@code hedgeSide} BUY is the
 * long position and SELL the short one. {@code hedgeSide} is null in one-way buckets.
 */
public record PositionKey(String connectorName, TradingPair tradingPair, Side hedgeSide) {
  public PositionKey {
    Require.nonNull("connector_name", connectorName, "trading_pair", tradingPair);
  }

  public static PositionKey oneWay(final String connectorName, final TradingPair tradingPair) {
    return new PositionKey(connectorName, tradingPair, null);
  }

  public static PositionKey hedge(
      final String connectorName, final TradingPair tradingPair, final Side side) {
    return new PositionKey(connectorName, tradingPair, Objects.requireNonNull(side, "side"));
  }

  /**
   * The bucket of {@code order} under {@code mode}. In hedge mode an opening order belongs to the
   * position on its own side and a closing order to the position it reduces (the opposite side),
   * as the reference derives it from the executor's side and position action.
   */
  public static PositionKey of(final HeldOrder order, final PositionMode mode) {
    if (mode == PositionMode.ONE_WAY) {
      return oneWay(order.connectorName(), order.tradingPair());
    }
    final Side side =
        order.position() == PositionAction.CLOSE ? order.tradeType().opposite() : order.tradeType();
    return hedge(order.connectorName(), order.tradingPair(), side);
  }

  public Optional<Side> side() {
    return Optional.ofNullable(hedgeSide);
  }
}
