package dev.osprey.domain.market;

import dev.osprey.domain.Require;

/** One market on one venue: {@code (connector_name, trading_pair)}. */
public record ConnectorPair(String connectorName, TradingPair tradingPair) {
  public ConnectorPair {
    Require.nonNull("connector_name", connectorName, "trading_pair", tradingPair);
  }

  @Override
  public String toString() {
    return connectorName + ":" + tradingPair.symbol();
  }
}
