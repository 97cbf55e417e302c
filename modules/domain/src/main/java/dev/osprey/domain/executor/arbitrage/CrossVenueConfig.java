package dev.osprey.domain.executor.arbitrage;

import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.TradingPair;
import java.util.ArrayList;
import java.util.List;

/**
 * The config of an executor that trades on two markets (arbitrage, XEMM): the buying market is
 * its primary one.
 */
public interface CrossVenueConfig extends ExecutorConfig {
  ConnectorPair buyingMarket();

  ConnectorPair sellingMarket();

  @Override
  default String connectorName() {
    return buyingMarket() == null ? null : buyingMarket().connectorName();
  }

  @Override
  default TradingPair tradingPair() {
    return buyingMarket() == null ? null : buyingMarket().tradingPair();
  }

  /** The buying market, then the selling market (an invalid config lists what it has). */
  @Override
  default List<ConnectorPair> markets() {
    final List<ConnectorPair> m = new ArrayList<>(2);
    if (buyingMarket() != null) {
      m.add(buyingMarket());
    }
    if (sellingMarket() != null) {
      m.add(sellingMarket());
    }
    return List.copyOf(m);
  }
}
