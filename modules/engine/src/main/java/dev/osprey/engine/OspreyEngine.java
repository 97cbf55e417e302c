package dev.osprey.engine;

import dev.osprey.engine.directory.ControllerRegistryEntity;
import dev.osprey.engine.executor.ExecutorEntity;
import dev.osprey.engine.gateway.ControllerGateway;
import dev.osprey.engine.gateway.ExecutorGateway;
import dev.osprey.engine.gateway.ShardedControllerGateway;
import dev.osprey.engine.gateway.ShardedExecutorGateway;
import dev.osprey.engine.position.PositionBookEntity;
import dev.osprey.engine.readmodel.ExecutorProjection;
import dev.osprey.engine.readmodel.ExecutorReadModel;
import dev.osprey.engine.risk.GlobalRiskEntity;
import dev.osprey.engine.risk.RiskSupervisorEntity;
import dev.osprey.engine.gateway.ShardedTradingStateGateway;
import dev.osprey.engine.gateway.TradingStateGateway;
import dev.osprey.engine.venue.OrderEventRouter;
import dev.osprey.engine.venue.OrderRouteEntity;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.pattern.Patterns;

/**
 * The engine of one node: registers every sharded entity type, routes venue order events to their
 * executors, and exposes the gateways the HTTP layer talks to.
 *
 * @param tradingState the global trading state and kill switch
 * @param readModel the executor read model the projection keeps (searches read it)
 * @param router routes venue order events to their executors; closed with the engine
 */
public record OspreyEngine(
    ExecutorGateway executors,
    ControllerGateway controllers,
    TradingStateGateway tradingState,
    ExecutorReadModel readModel,
    OrderEventRouter.Handle router)
    implements AutoCloseable {

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
        new ShardedTradingStateGateway(system, engine.settings()), readModel, router);
  }

  @Override
  public void close() {
    router.close();
  }
}
