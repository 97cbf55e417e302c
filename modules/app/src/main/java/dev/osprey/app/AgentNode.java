package dev.osprey.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osprey.agent.policy.Policy;
import dev.osprey.agent.policy.rules.GridMarketMakerPolicy;
import dev.osprey.domain.market.PaperTrade;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.OspreyEngine;
import dev.osprey.engine.agent.AgentContext;
import dev.osprey.engine.agent.AgentEntity;
import dev.osprey.engine.agent.AgentGateway;
import dev.osprey.engine.agent.AgentSettings;
import dev.osprey.engine.agent.ExecutorConfigReader;
import dev.osprey.engine.agent.ShardedAgentGateway;
import dev.osprey.json.CreateExecutorRequest;
import dev.osprey.json.IdGenerator;
import dev.osprey.json.VenueFees;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The agents of a node: their context (the engine's gateways, candles of the venues, the built-in
 * policies, config reading as the API does it), the sharded agent entity, and the gateway the HTTP
 * layer talks to.
 */
final class AgentNode {
  private AgentNode() {}

  static AgentGateway start(
      final ActorSystem<?> system, final com.typesafe.config.Config config, final EngineContext ctx,
      final OspreyEngine engine, final ObjectMapper mapper, final NodeRoutines routines) {
    final AgentContext context = new AgentContext(engine.executors(), engine.controllers(), ctx.venues(),
        routines.candles(), policies(), configReader(mapper, ctx), routines, ctx.clock(), AgentSettings.from(config));
    AgentEntity.init(system, context);
    return new ShardedAgentGateway(system, context, ctx.settings().askTimeout());
  }

  /** The policies agent.md may name. */
  static Map<String, Policy> policies() {
    final Map<String, Policy> m = new LinkedHashMap<>();
    final Policy grid = new GridMarketMakerPolicy();
    m.put(grid.name(), grid);
    return m;
  }

  /**
   * A tool's executor config read exactly as {@code POST /executors} reads a body: connector names
   * resolve to paper twins, cross-venue fees fill in, validation names the field.
   */
  private static ExecutorConfigReader configReader(final ObjectMapper mapper, final EngineContext ctx) {
    final VenueFees fees = (connector, pair) -> ctx.venues().get(connector).flatMap(v -> v.feeRates(pair));
    return (controllerId, executorId, config) -> {
      final ObjectNode executorConfig = mapper.valueToTree(config);
      executorConfig.put("id", executorId);
      final ObjectNode body = mapper.createObjectNode().put("controller_id", controllerId);
      body.set("executor_config", executorConfig);
      return CreateExecutorRequest.parse(mapper, body, ctx.clock().instant(), IdGenerator.base58(), fees,
          name -> PaperTrade.resolve(name, n -> ctx.venues().get(n).isPresent()));
    };
  }
}
