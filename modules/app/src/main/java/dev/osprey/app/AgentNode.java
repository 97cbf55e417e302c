package dev.osprey.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.agent.loom.LoomExecutorPolicy;
import dev.osprey.agent.policy.Policy;
import dev.osprey.agent.policy.rules.RulePolicies;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.OspreyEngine;
import dev.osprey.engine.agent.AgentContext;
import dev.osprey.engine.agent.AgentEntity;
import dev.osprey.engine.agent.AgentGateway;
import dev.osprey.engine.agent.AgentSettings;
import dev.osprey.engine.agent.ApiExecutorConfigReader;
import dev.osprey.engine.agent.ShardedAgentGateway;
import dev.osprey.engine.topic.Topics;
import dev.osprey.llm.LlmPolicy;
import dev.osprey.llm.LlmSettings;
import io.opentelemetry.api.OpenTelemetry;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
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
      final OspreyEngine engine, final ObjectMapper mapper, final NodeRoutines routines, final Topics topics,
      final OpenTelemetry telemetry) {
    final AtomicReference<AgentGateway> gateway = new AtomicReference<>();
    final Map<String, Policy> policies = policies(telemetry);
    llm(config, gateway::get).ifPresent(llm -> {
      policies.put(llm.name(), llm);
      CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "close-llm",
          () -> {
            llm.close();
            return CompletableFuture.completedFuture(Done.getInstance());
          });
    });
    final AgentContext context = new AgentContext(engine.executors(), engine.controllers(), ctx.venues(),
        routines.candles(), policies, new ApiExecutorConfigReader(mapper,
            (connector, pair) -> ctx.venues().get(connector).flatMap(v -> v.feeRates(pair)),
            n -> ctx.venues().get(n).isPresent(), () -> ctx.clock().instant()), routines, topics, ctx.clock(), AgentSettings.from(config));
    gateway.set(new ShardedAgentGateway(system, context, ctx.settings().askTimeout()));
    AgentEntity.init(system, context);
    return gateway.get();
  }

  /**
   * The {@code llm} policy when {@code osprey.llm.model} is set (env {@code OSPREY_LLM_MODEL} and
   * the other {@code OSPREY_LLM_*}); without a model agents may not name it (their ticks fail,
   * saying so). The API key comes from the environment only and is never logged.
   */
  static Optional<LlmPolicy> llm(final com.typesafe.config.Config config, final Supplier<AgentGateway> agents) {
    final com.typesafe.config.Config c = config.getConfig("osprey.llm");
    if (c.getString("model").isBlank()) {
      return Optional.empty();
    }
    final Map<String, String> env = new LinkedHashMap<>();
    env.put(LlmSettings.ENV_MODEL, c.getString("model"));
    env.put(LlmSettings.ENV_BASE_URL, c.getString("base-url"));
    env.put(LlmSettings.ENV_API_KEY, c.getString("api-key"));
    env.put(LlmSettings.ENV_PRICE_IN_PER_M, c.getString("price-in-per-million-usd"));
    env.put(LlmSettings.ENV_PRICE_OUT_PER_M, c.getString("price-out-per-million-usd"));
    env.put(LlmSettings.ENV_MAX_TOOL_ROUNDS, c.getString("max-tool-rounds"));
    env.put(LlmSettings.ENV_REQUEST_TIMEOUT_SEC, String.valueOf(c.getDuration("request-timeout").toSeconds()));
    return Optional.of(new LlmPolicy(LlmSettings.fromEnv(env), new JournaledConversations(agents)));
  }

  /** The policies agent.md may name (the LLM policy aside, which needs configuration). */
  static Map<String, Policy> policies() {
    return RulePolicies.builtIn();
  }

  /** {@link #policies()}, the Loom executor agent's spans going to {@code telemetry}. */
  static Map<String, Policy> policies(final OpenTelemetry telemetry) {
    final Map<String, Policy> m = policies();
    m.put(LoomExecutorPolicy.NAME, new LoomExecutorPolicy(telemetry));
    return m;
  }
}
