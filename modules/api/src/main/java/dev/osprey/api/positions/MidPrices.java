package dev.osprey.api.positions;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import java.util.Optional;

/** Current mid prices, for marking held positions to market. */
@FunctionalInterface
public interface MidPrices {
  Optional<Price> mid(String connectorName, TradingPair pair);
}
