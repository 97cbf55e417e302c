package dev.osprey.engine.gateway;

import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.EngineSettings;
import dev.osprey.engine.EntityError;
import dev.osprey.engine.risk.GlobalRiskEntity;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.pattern.StatusReply;

/** {@link TradingStateGateway} over the {@link GlobalRiskEntity}. */
public final class ShardedTradingStateGateway implements TradingStateGateway {
  private final EntityRef<GlobalRiskEntity.Command> global;
  private final Duration timeout;

  public ShardedTradingStateGateway(final ActorSystem<?> system, final EngineSettings settings) {
    this.global = ClusterSharding.get(system)
        .entityRefFor(GlobalRiskEntity.ENTITY_KEY, GlobalRiskEntity.SINGLE_ID);
    this.timeout = settings.askTimeout();
  }

  @Override
  public CompletionStage<GlobalTradingState> get() {
    return global.<GlobalRiskEntity.State>ask(GlobalRiskEntity.Get::new, timeout)
        .thenApply(ShardedTradingStateGateway::view);
  }

  @Override
  public CompletionStage<GlobalTradingState> set(final TradingState state, final String reason) {
    return global.<StatusReply<GlobalRiskEntity.State>>ask(
            (ActorRef<StatusReply<GlobalRiskEntity.State>> r) -> new GlobalRiskEntity.SetState(state, reason, r),
            timeout)
        .thenCompose(ShardedTradingStateGateway::unwrap);
  }

  @Override
  public CompletionStage<GlobalTradingState> killSwitch(final boolean keepPosition, final String reason) {
    return global.<StatusReply<GlobalRiskEntity.State>>ask(
            (ActorRef<StatusReply<GlobalRiskEntity.State>> r) ->
                new GlobalRiskEntity.KillSwitch(keepPosition, reason, r),
            timeout)
        .thenCompose(ShardedTradingStateGateway::unwrap);
  }

  private static GlobalTradingState view(final GlobalRiskEntity.State s) {
    return new GlobalTradingState(s.version(), s.state(), s.reason(), s.stopExecutors(), s.keepPosition(),
        s.at(), s.pending());
  }

  private static CompletionStage<GlobalTradingState> unwrap(final StatusReply<GlobalRiskEntity.State> reply) {
    return reply.isSuccess()
        ? CompletableFuture.completedFuture(view(reply.getValue()))
        : CompletableFuture.failedFuture(EntityError.parse(reply.getError()).toException());
  }
}
