package dev.osprey.domain.market;

import java.util.Objects;

/** One market on one venue: {@code (connector_name, trading_pair)}. */
public record ConnectorPair(String connectorName, TradingPair tradingPair) {
  public ConnectorPair {
    Objects.requireNonNull(connectorName, "connector_name");
    Objects.requireNonNull(tradingPair, "trading_pair");
  }

  @Override
  public String toString() {
    return connectorName + ":" + tradingPair.symbol();
  }
}
