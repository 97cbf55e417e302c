package dev.osprey.engine.gateway;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.engine.risk.RiskProtocol;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.EngineSettings;
import dev.osprey.engine.EntityError;
import dev.osprey.engine.directory.ControllerRegistryEntity;
import dev.osprey.engine.position.PositionBookEntity;
import dev.osprey.engine.risk.RiskProtocol.RiskView;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.pattern.StatusReply;

/** {@link ControllerGateway} over the sharded risk supervisors, position books and registry. */
public final class ShardedControllerGateway implements ControllerGateway {
  private final ClusterSharding sharding;
  private final Duration timeout;

  public ShardedControllerGateway(final ActorSystem<?> system, final EngineSettings settings) {
    this.sharding = ClusterSharding.get(system);
    this.timeout = settings.askTimeout();
  }

  @Override
  public CompletionStage<ControllerRisk> risk(final String controllerId) {
    return supervisor(controllerId).<RiskView>ask(RiskProtocol.GetRisk::new, timeout).thenApply(ControllerRisk::of);
  }

  @Override
  public CompletionStage<ControllerRisk> setLimits(final String controllerId, final RiskLimits limits) {
    return supervisor(controllerId)
        .<StatusReply<RiskView>>ask(
            (ActorRef<StatusReply<RiskView>> r) -> new RiskProtocol.SetLimits(limits, r), timeout)
        .thenCompose(EntityError::unwrap)
        .thenApply(ControllerRisk::of);
  }

  @Override
  public CompletionStage<ControllerRisk> setTradingState(
      final String controllerId,
      final TradingState state,
      final String reason,
      final boolean stopExecutors,
      final boolean keepPosition) {
    return supervisor(controllerId)
        .<StatusReply<RiskView>>ask(
            (ActorRef<StatusReply<RiskView>> r) ->
                new RiskProtocol.SetTradingState(state, reason, stopExecutors, keepPosition, r),
            timeout)
        .thenCompose(EntityError::unwrap)
        .thenApply(ControllerRisk::of);
  }

  @Override
  public CompletionStage<PositionBook> positions(final String controllerId) {
    return sharding.entityRefFor(PositionBookEntity.ENTITY_KEY, controllerId)
        .ask(PositionBookEntity.GetBook::new, timeout);
  }

  @Override
  public CompletionStage<List<PositionHold>> clearPosition(
      final String controllerId, final String connector, final TradingPair pair, final String by,
      final String reason) {
    return sharding.entityRefFor(PositionBookEntity.ENTITY_KEY, controllerId)
        .<StatusReply<PositionBookEntity.Cleared>>ask(
            (ActorRef<StatusReply<PositionBookEntity.Cleared>> r) ->
                new PositionBookEntity.ClearPosition(connector, pair, by, reason, r),
            timeout)
        .thenCompose(EntityError::unwrap)
        .thenApply(PositionBookEntity.Cleared::positions);
  }

  @Override
  public CompletionStage<List<String>> controllers() {
    return sharding.entityRefFor(ControllerRegistryEntity.ENTITY_KEY, ControllerRegistryEntity.SINGLE_ID)
        .<ControllerRegistryEntity.Controllers>ask(ControllerRegistryEntity.ListControllers::new, timeout)
        .thenApply(ControllerRegistryEntity.Controllers::ids);
  }

  private org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef<RiskProtocol.Command> supervisor(
      final String controllerId) {
    return sharding.entityRefFor(RiskProtocol.ENTITY_KEY, controllerId);
  }

}
