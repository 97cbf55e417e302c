package dev.osprey.agent.policy.rules;

import dev.osprey.agent.policy.AgentTools;
import dev.osprey.agent.policy.ObservedMarket;
import dev.osprey.agent.policy.NamedPolicy;
import dev.osprey.agent.policy.ObservedExecutor;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.agent.policy.TickContext;
import java.util.concurrent.CompletionStage;

/**
 * A built-in rule policy: it trades one market, {@code trading_pair} on {@code connector} (by
 * default agent.md's first connector), and decides from that market and the rest of the tick.
 */
abstract class RulePolicy extends NamedPolicy {
  RulePolicy(final String name) {
    super(name);
  }

  @Override
  public final CompletionStage<PolicyOutcome> decide(final TickContext tick, final AgentTools tools) {
    return decide(tick, RuleMath.tradedMarket(tick), tools);
  }

  abstract CompletionStage<PolicyOutcome> decide(TickContext tick, ObservedMarket market, AgentTools tools);

  /** The agent's executors of {@code type} on {@code pair} that have not ended. */
  static java.util.List<ObservedExecutor> running(final TickContext tick, final String type, final String pair) {
    return tick.observation().openExecutors().stream()
        .filter(e -> e.type().equals(type) && e.tradingPair().equals(pair))
        .toList();
  }
}
