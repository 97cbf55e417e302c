package dev.osprey.engine;

import dev.osprey.engine.agent.AgentProtocol;
import dev.osprey.engine.cluster.ClusterGateway;
import dev.osprey.engine.cluster.PekkoClusterGateway;
import dev.osprey.engine.cluster.PekkoShardingGateway;
import dev.osprey.engine.cluster.ShardingGateway;
import dev.osprey.engine.directory.ControllerRegistryEntity;
import dev.osprey.engine.executor.ExecutorEntity;
import dev.osprey.engine.executor.ExecutorProtocol;
import dev.osprey.engine.paper.PaperVenueEntity;
import dev.osprey.engine.gateway.ControllerGateway;
import dev.osprey.engine.gateway.ExecutorGateway;
import dev.osprey.engine.gateway.ShardedControllerGateway;
import dev.osprey.engine.gateway.ShardedExecutorGateway;
import dev.osprey.engine.position.PositionBookEntity;
import dev.osprey.engine.readmodel.ExecutorProjection;
import dev.osprey.engine.readmodel.ExecutorReadModel;
import dev.osprey.engine.risk.GlobalRiskEntity;
import dev.osprey.engine.risk.RiskProtocol;
import dev.osprey.engine.risk.RiskSupervisorEntity;
import dev.osprey.engine.gateway.ShardedTradingStateGateway;
import dev.osprey.engine.gateway.TradingStateGateway;
import dev.osprey.engine.venue.OrderEventRouter;
import dev.osprey.engine.venue.OrderRouteEntity;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.Patterns;

/**
 * The engine of one node: registers every sharded entity type, routes venue order events to their
 * executors, and exposes the gateways the HTTP layer talks to.
 *
 * @param tradingState the global trading state and kill switch
 * @param readModel the executor read model the projection keeps (searches read it)
 * @param router routes venue order events to their executors; closed with the engine
 * @param cluster the cluster's members and their changes, for the operators' UI
 * @param sharding where the shards and entities of each sharded type live, for the operators' UI
 */
public record OspreyEngine(
    ExecutorGateway executors,
    ControllerGateway controllers,
    TradingStateGateway tradingState,
    ExecutorReadModel readModel,
    OrderEventRouter.Handle router,
    ClusterGateway cluster,
    ShardingGateway sharding)
    implements AutoCloseable {
  /**
   * Every sharded entity type, those operators look for most (executors, risk supervisors, position
   * books, agents, paper venues) first. The agents' and paper venues' types are started by the
   * node, not here.
   */
  public static final List<EntityTypeKey<?>> ENTITY_TYPES = List.of(ExecutorProtocol.ENTITY_KEY,
      RiskProtocol.ENTITY_KEY, PositionBookEntity.ENTITY_KEY, AgentProtocol.ENTITY_KEY, PaperVenueEntity.ENTITY_KEY,
      GlobalRiskEntity.ENTITY_KEY, ControllerRegistryEntity.ENTITY_KEY, OrderRouteEntity.ENTITY_KEY);

  public static OspreyEngine start(final ActorSystem<?> system, final EngineContext engine) {
    ControllerRegistryEntity.init(system);
    PositionBookEntity.init(system, engine);
    RiskSupervisorEntity.init(system, engine);
    GlobalRiskEntity.init(system, engine);
    ExecutorEntity.init(system, engine);
    OrderRouteEntity.init(system);
    final OrderEventRouter.Handle router = OrderEventRouter.start(system, engine.venues(), engine.settings().askTimeout());
    final ControllerGateway controllers = new ShardedControllerGateway(system, engine.settings());
    final ExecutorReadModel readModel = ExecutorProjection.start(system, engine, () -> Patterns.retry(
        controllers::controllers, 60, Duration.ofSeconds(1), system.classicSystem().scheduler(),
        system.executionContext()));
    return new OspreyEngine(new ShardedExecutorGateway(system, engine, controllers, readModel), controllers,
        new ShardedTradingStateGateway(system, engine.settings()), readModel, router, new PekkoClusterGateway(system),
        new PekkoShardingGateway(system, ENTITY_TYPES, engine.settings().askTimeout()));
  }

  @Override
  public void close() {
    router.close();
  }
}
