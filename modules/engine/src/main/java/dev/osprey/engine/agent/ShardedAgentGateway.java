package dev.osprey.engine.agent;

import dev.osprey.agent.AgentDefinition;
import dev.osprey.engine.EntityError;
import dev.osprey.engine.directory.ControllerRegistryEntity;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.engine.gateway.ExecutorSearch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.pattern.StatusReply;

/** {@link AgentGateway} over the sharded agent entities and the agent registry. */
public final class ShardedAgentGateway implements AgentGateway {
  /** The registry entity (of {@link ControllerRegistryEntity}'s kind) that lists agent ids. */
  static final String REGISTRY_ID = "agents";

  private final ClusterSharding sharding;
  private final AgentContext context;
  private final Duration timeout;

  public ShardedAgentGateway(final ActorSystem<?> system, final AgentContext context, final Duration timeout) {
    this.sharding = ClusterSharding.get(system);
    this.context = context;
    this.timeout = timeout;
  }

  @Override
  public CompletionStage<AgentView> create(final AgentDefinition definition, final String by) {
    return create(definition, List.of(), by);
  }

  @Override
  public CompletionStage<AgentView> create(final AgentDefinition definition,
      final List<dev.osprey.agent.files.Insight> learnings, final String by) {
    final AgentSpec spec = AgentSpec.of(definition);
    return context.controllers().setLimits(definition.slug(), definition.limits())
        .thenCompose(r -> registry().<StatusReply<Done>>ask(
            (ActorRef<StatusReply<Done>> x) -> new ControllerRegistryEntity.Register(definition.slug(), x), timeout))
        .thenCompose(EntityError::unwrap)
        .thenCompose(d -> agent(definition.slug()).<StatusReply<AgentState>>ask(
            (ActorRef<StatusReply<AgentState>> x) -> new AgentProtocol.Create(spec, learnings, by, x), timeout))
        .thenCompose(EntityError::unwrap)
        .thenCompose(this::view);
  }

  @Override
  public CompletionStage<AgentView> get(final String agentId) {
    return agent(agentId).<StatusReply<AgentState>>ask(AgentProtocol.Get::new, timeout)
        .thenCompose(EntityError::unwrap)
        .thenCompose(this::view);
  }

  @Override
  public CompletionStage<List<String>> list() {
    return registry().<ControllerRegistryEntity.Controllers>ask(ControllerRegistryEntity.ListControllers::new, timeout)
        .thenApply(ControllerRegistryEntity.Controllers::ids);
  }

  @Override
  public CompletionStage<AgentView> session(final String agentId, final AgentProtocol.SessionAction action,
      final String by) {
    return agent(agentId).<StatusReply<AgentState>>ask(
            (ActorRef<StatusReply<AgentState>> x) -> new AgentProtocol.ChangeSession(action, by, x), timeout)
        .thenCompose(EntityError::unwrap)
        .thenCompose(this::view);
  }

  @Override
  public CompletionStage<List<String>> conversation(final String agentId, final int session) {
    return agent(agentId).<StatusReply<AgentProtocol.Conversation>>ask(
            (ActorRef<StatusReply<AgentProtocol.Conversation>> x) -> new AgentProtocol.GetConversation(session, x),
            timeout)
        .thenCompose(EntityError::unwrap)
        .thenApply(AgentProtocol.Conversation::turns);
  }

  @Override
  public CompletionStage<Void> appendConversation(final String agentId, final int session, final List<String> turns) {
    return agent(agentId).<StatusReply<AgentProtocol.Conversation>>ask(
            (ActorRef<StatusReply<AgentProtocol.Conversation>> x) -> new AgentProtocol.AppendConversation(session,
                turns, x), timeout)
        .thenCompose(EntityError::unwrap)
        .thenApply(c -> null);
  }

  @Override
  public CompletionStage<AgentView> decideSuggestion(
      final String agentId, final long suggestionId, final boolean approve, final String by, final String reason) {
    return agent(agentId).<StatusReply<AgentState>>ask(
            (ActorRef<StatusReply<AgentState>> x) -> new AgentProtocol.DecideSuggestion(suggestionId, approve, by,
                reason, x), timeout)
        .thenCompose(EntityError::unwrap)
        .thenCompose(this::view);
  }

  /** The state with its executors' live numbers and the paper-twin notes. */
  private CompletionStage<AgentView> view(final AgentState s) {
    final ExecutorSearch mine = new ExecutorSearch(ExecutorSearch.MAX_LIMIT, null, Set.of(s.spec().slug()),
        Set.of(), Set.of(), Set.of(), Set.of());
    return context.executors().list(mine).thenApply(views -> {
      final Map<String, AgentFiles.Numbers> numbers = new HashMap<>();
      for (ExecutorView v : views) {
        final var r = v.report();
        numbers.put(r.id(), AgentFiles.Numbers.of(r));
      }
      return new AgentView(s, numbers, notes(s));
    });
  }

  /** Connectors that run on a paper twin, said once per agent so nobody mistakes paper for real. */
  private List<String> notes(final AgentState s) {
    final AgentObserver observer = new AgentObserver(context);
    final List<String> notes = new ArrayList<>();
    for (String c : s.spec().connectors()) {
      final String venue = observer.venueOf(c);
      if (!venue.equals(c)) {
        notes.add(c + " runs on " + venue + " (paper): no credentials for " + c + " on this node");
      } else if (context.venues().get(c).isEmpty()) {
        notes.add(c + " is not available on this node: no connector and no paper twin");
      }
    }
    return notes;
  }

  private EntityRef<AgentProtocol.Command> agent(final String id) {
    return sharding.entityRefFor(AgentProtocol.ENTITY_KEY, id);
  }

  private EntityRef<ControllerRegistryEntity.Command> registry() {
    return sharding.entityRefFor(ControllerRegistryEntity.ENTITY_KEY, REGISTRY_ID);
  }
}
