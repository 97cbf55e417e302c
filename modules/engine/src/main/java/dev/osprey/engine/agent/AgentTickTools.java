package dev.osprey.engine.agent;

import dev.osprey.agent.policy.AgentTools;
import dev.osprey.agent.policy.ToolResult;
import dev.osprey.engine.agent.AgentProtocol.Command;
import dev.osprey.engine.agent.AgentProtocol.ToolRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * The tools of one tick: each call is a message to the agent's entity, which journals the action,
 * carries it out and answers. A call that gets no answer in time comes back refused as {@code
 * UNAVAILABLE} (the journal still records what happened).
 */
final class AgentTickTools implements AgentTools {
  private final ActorRef<Command> entity;
  private final Scheduler scheduler;
  private final Duration timeout;
  private final int session;
  private final long tick;

  AgentTickTools(final ActorRef<Command> entity, final Scheduler scheduler, final Duration timeout,
      final int session, final long tick) {
    this.entity = entity;
    this.scheduler = scheduler;
    this.timeout = timeout;
    this.session = session;
    this.tick = tick;
  }

  @Override
  public CompletionStage<ToolResult> createExecutor(final Map<String, Object> executorConfig) {
    return call(new AgentProtocol.CreateExecutor(executorConfig));
  }

  @Override
  public CompletionStage<ToolResult> stopExecutor(final String executorId, final boolean keepPosition) {
    return call(new AgentProtocol.StopExecutor(executorId, keepPosition));
  }

  @Override
  public CompletionStage<ToolResult> suggestConfig(final String key, final Object value, final String reason) {
    return call(new AgentProtocol.SuggestConfig(key, value, reason));
  }

  @Override
  public CompletionStage<ToolResult> addLearning(final String text) {
    return call(new AgentProtocol.AddLearning(text));
  }

  @Override
  public CompletionStage<ToolResult> retireLearning(final String text) {
    return call(new AgentProtocol.RetireLearning(text));
  }

  @Override
  public CompletionStage<ToolResult> runRoutine(final String name, final Map<String, Object> args) {
    return call(new AgentProtocol.RunRoutine(name, args));
  }

  @Override
  public CompletionStage<ToolResult> publish(final String topic, final Map<String, Object> message) {
    return call(new AgentProtocol.Publish(topic, message));
  }

  private CompletionStage<ToolResult> call(final ToolRequest request) {
    return AskPattern.<Command, ToolResult>ask(entity, r -> new AgentProtocol.Tool(session, tick, request, r),
            timeout, scheduler)
        .exceptionally(e -> ToolResult.refused("UNAVAILABLE",
            request.action() + " got no answer in " + timeout.toSeconds() + " s: " + e.getMessage()));
  }
}
