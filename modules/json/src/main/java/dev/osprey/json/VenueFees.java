package dev.osprey.json;

import dev.osprey.domain.market.FeeRates;
import dev.osprey.domain.market.TradingPair;
import java.util.Optional;

/** The fee rates venues publish, for configs that leave theirs out. */
@FunctionalInterface
public interface VenueFees {
  VenueFees NONE = (connector, pair) -> Optional.empty();

  Optional<FeeRates> of(String connectorName, TradingPair pair);
}
