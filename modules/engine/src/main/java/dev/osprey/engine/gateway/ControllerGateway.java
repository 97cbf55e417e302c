package dev.osprey.engine.gateway;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.engine.risk.RiskProtocol;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.risk.RiskProtocol.RiskView;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** What the HTTP layer may do with a controller: its risk state and its position book. */
public interface ControllerGateway {
  CompletionStage<RiskView> risk(String controllerId);

  CompletionStage<RiskView> setLimits(String controllerId, RiskLimits limits);

  CompletionStage<RiskView> setTradingState(
      String controllerId, TradingState state, String reason, boolean stopExecutors, boolean keepPosition);

  CompletionStage<PositionBook> positions(String controllerId);

  /**
   * Clears a controller's held position of {@code pair} on {@code connector}, recording {@code by}
   * and {@code reason}; completes with the positions as they were, or fails NOT_FOUND.
   */
  CompletionStage<List<PositionHold>> clearPosition(
      String controllerId, String connector, TradingPair pair, String by, String reason);

  /** Every controller that ever spawned an executor. */
  CompletionStage<List<String>> controllers();
}
