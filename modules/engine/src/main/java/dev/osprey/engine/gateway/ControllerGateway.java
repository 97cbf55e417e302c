package dev.osprey.engine.gateway;

import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.risk.RiskSupervisorEntity.RiskView;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** What the HTTP layer may do with a controller: its risk state and its position book. */
public interface ControllerGateway {
  CompletionStage<RiskView> risk(String controllerId);

  CompletionStage<RiskView> setLimits(String controllerId, RiskLimits limits);

  CompletionStage<RiskView> setTradingState(
      String controllerId, TradingState state, String reason, boolean stopExecutors, boolean keepPosition);

  CompletionStage<PositionBook> positions(String controllerId);

  /** Every controller that ever spawned an executor. */
  CompletionStage<List<String>> controllers();
}
