package dev.osprey.engine.agent;

import dev.osprey.agent.policy.Observation;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.agent.policy.ToolResult;
import dev.osprey.engine.CborSerializable;
import dev.osprey.engine.executor.ExecutorView;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;

/** The messages of the agent entity. The agent id is its slug and its {@code controller_id}. */
public final class AgentProtocol {
  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Agent");

  private AgentProtocol() {}

  public interface Command extends CborSerializable {}

  /**
   * A message an agent entity only ever sends itself (or its own tick's tools send it), on its
   * node: it carries futures' results, throwables and replies to local tools, and is never
   * serialized.
   */
  interface Local extends Command, org.apache.pekko.actor.NoSerializationVerificationNeeded {}

  /** Creates the agent (its limits go to its risk supervisor first, by the gateway). */
  public record Create(AgentSpec spec, java.util.List<dev.osprey.agent.files.Insight> learnings, String by,
      ActorRef<StatusReply<AgentState>> replyTo) implements Command {}

  public record Get(ActorRef<StatusReply<AgentState>> replyTo) implements Command {}

  /** The LLM conversation of a session (its turns as JSON, oldest first). */
  public record GetConversation(int session, ActorRef<StatusReply<Conversation>> replyTo) implements Command {}

  /** Continues a session's LLM conversation (journaled as one event). */
  public record AppendConversation(int session, java.util.List<String> turns, ActorRef<StatusReply<Conversation>> replyTo)
      implements Command {}

  public record Conversation(java.util.List<String> turns) implements CborSerializable {}

  /** What the user does with sessions. */
  public enum SessionAction { START, PAUSE, RESUME, STOP }

  public record ChangeSession(SessionAction action, String by, ActorRef<StatusReply<AgentState>> replyTo)
      implements Command {}

  /** The user approves or rejects a config suggestion. */
  public record DecideSuggestion(
      long suggestionId, boolean approve, String by, String reason, ActorRef<StatusReply<AgentState>> replyTo)
      implements Command {}

  /**
   * A tool call of the policy running tick {@code tick}: only the entity acts, so that every action
   * is journaled before and after it happens. Sent by the entity's own tick, on its node.
   */
  public record Tool(int session, long tick, ToolRequest request, ActorRef<ToolResult> replyTo) implements Local {}

  /** What a tool call asks for. */
  public sealed interface ToolRequest {
    String action();
  }

  public record CreateExecutor(Map<String, Object> config) implements ToolRequest {
    public String action() {
      return "create_executor";
    }
  }

  public record StopExecutor(String executorId, boolean keepPosition) implements ToolRequest {
    public String action() {
      return "stop_executor";
    }
  }

  public record SuggestConfig(String key, Object value, String reason) implements ToolRequest {
    public String action() {
      return "suggest_config";
    }
  }

  public record AddLearning(String text) implements ToolRequest {
    public String action() {
      return "add_learning";
    }
  }

  public record RetireLearning(String text) implements ToolRequest {
    public String action() {
      return "retire_learning";
    }
  }

  public record RunRoutine(String name, Map<String, Object> args) implements ToolRequest {
    public String action() {
      return "run_routine";
    }
  }

  public record Publish(String topic, Map<String, Object> message) implements ToolRequest {
    public String action() {
      return "publish";
    }
  }

  // ---- the entity's own messages --------------------------------------------------------------

  /** A message arrived on a topic the agent subscribes to (delivered by the node's topic actor). */
  record TopicArrived(dev.osprey.engine.topic.TopicEvent event) implements Local {}

  /** Is a tick due? */
  record TickCheck() implements Command {}

  /** Recovery found a tick that had started and not completed: the node died in it. */
  record Interrupted() implements Local {}

  /** The tick's observation is in (or failed). */
  record Observed(int session, long tick, Observation observation, Throwable error) implements Local {}

  /** The policy finished the tick (or failed). */
  record Decided(int session, long tick, Observation observation, PolicyOutcome outcome, Throwable error)
      implements Local {}

  /** A create the entity sent has its answer. */
  record CreateDone(int session, long tick, String executorId, ExecutorView view, Throwable error,
      ActorRef<ToolResult> replyTo) implements Local {}

  /** A stop the entity sent has its answer. */
  record StopDone(int session, long tick, String executorId, boolean keepPosition, Throwable error,
      ActorRef<ToolResult> replyTo) implements Local {}

  /** A routine ran. */
  record RoutineDone(int session, long tick, String routine, ToolResult result, ActorRef<ToolResult> replyTo)
      implements Local {}
}
