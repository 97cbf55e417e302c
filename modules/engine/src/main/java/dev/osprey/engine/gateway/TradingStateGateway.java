package dev.osprey.engine.gateway;

import dev.osprey.domain.risk.TradingState;
import java.util.concurrent.CompletionStage;

/** What the HTTP layer may do with the global trading state and the global kill switch. */
public interface TradingStateGateway {
  CompletionStage<GlobalTradingState> get();

  /** Sets the state every controller obeys above its own (the stricter applies). */
  CompletionStage<GlobalTradingState> set(TradingState state, String reason);

  /**
   * Stops every executor of every controller, closing positions at market unless {@code
   * keepPosition}, and leaves the global state HALTED.
   */
  CompletionStage<GlobalTradingState> killSwitch(boolean keepPosition, String reason);
}
