package dev.osprey.api.scope;

import dev.osprey.agent.AgentDefinition;
import dev.osprey.agent.files.Insight;
import dev.osprey.engine.agent.AgentGateway;
import dev.osprey.engine.agent.AgentProtocol.SessionAction;
import dev.osprey.engine.agent.AgentView;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The agents of an agent harness's controllers: it may read them and run their sessions; importing
 * an agent (which sets limits) and deciding suggestions are the user's only.
 */
public final class ScopedAgents extends ScopedGateway<AgentGateway> implements AgentGateway {
  public ScopedAgents(final AgentGateway inner, final ControllerScope scope) {
    super(inner, scope);
  }

  @Override
  public CompletionStage<AgentView> create(final AgentDefinition definition, final String by) {
    return scope.forbidden("importing an agent sets its limits: the user's only");
  }

  @Override
  public CompletionStage<AgentView> create(final AgentDefinition definition, final List<Insight> learnings,
      final String by) {
    return create(definition, by);
  }

  @Override
  public CompletionStage<AgentView> get(final String agentId) {
    return scope.require(agentId, () -> inner.get(agentId));
  }

  @Override
  public CompletionStage<List<String>> list() {
    return inner.list().thenApply(all -> all.stream().filter(scope::allows).toList());
  }

  @Override
  public CompletionStage<AgentView> session(final String agentId, final SessionAction action, final String by) {
    return scope.require(agentId, () -> inner.session(agentId, action, by));
  }

  @Override
  public CompletionStage<List<String>> conversation(final String agentId, final int session) {
    return scope.require(agentId, () -> inner.conversation(agentId, session));
  }

  @Override
  public CompletionStage<Void> appendConversation(final String agentId, final int session, final List<String> turns) {
    return scope.forbidden("an agent's conversation is its policy's");
  }

  @Override
  public CompletionStage<AgentView> decideSuggestion(final String agentId, final long suggestionId,
      final boolean approve, final String by, final String reason) {
    return scope.forbidden("config suggestions are the user's to decide");
  }
}
