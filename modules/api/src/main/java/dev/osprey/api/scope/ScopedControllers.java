package dev.osprey.api.scope;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.gateway.ControllerGateway;
import dev.osprey.engine.gateway.ControllerRisk;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The risk and positions of an agent harness's controllers; limits and trading states never. */
public final class ScopedControllers extends ScopedGateway<ControllerGateway> implements ControllerGateway {
  public ScopedControllers(final ControllerGateway inner, final ControllerScope scope) {
    super(inner, scope);
  }

  @Override
  public CompletionStage<ControllerRisk> risk(final String controllerId) {
    return scope.require(controllerId, () -> inner.risk(controllerId));
  }

  @Override
  public CompletionStage<ControllerRisk> setLimits(final String controllerId, final RiskLimits limits) {
    return scope.forbidden("limits are the user's only");
  }

  @Override
  public CompletionStage<ControllerRisk> setTradingState(final String controllerId, final TradingState state,
      final String reason, final boolean stopExecutors, final boolean keepPosition) {
    return scope.forbidden("trading states are the user's only");
  }

  @Override
  public CompletionStage<PositionBook> positions(final String controllerId) {
    return scope.require(controllerId, () -> inner.positions(controllerId));
  }

  @Override
  public CompletionStage<List<PositionHold>> clearPosition(final String controllerId, final String connector,
      final TradingPair pair, final String by, final String reason) {
    return scope.forbidden("clearing a position is the user's only");
  }

  @Override
  public CompletionStage<List<String>> controllers() {
    return inner.controllers().thenApply(all -> all.stream().filter(scope::allows).toList());
  }
}
