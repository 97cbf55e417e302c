package dev.osprey.agent.policy.rules;

import dev.osprey.agent.policy.AgentTools;
import dev.osprey.agent.policy.ObservedMarket;
import dev.osprey.agent.policy.Policy;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.agent.policy.TickContext;
import java.util.concurrent.CompletionStage;

/**
 * A built-in rule policy: it trades one market, {@code trading_pair} on {@code connector} (by
 * default agent.md's first connector), and decides from that market and the rest of the tick.
 */
abstract class RulePolicy implements Policy {
  private final String name;

  RulePolicy(final String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final CompletionStage<PolicyOutcome> decide(final TickContext tick, final AgentTools tools) {
    return decide(tick, RuleMath.tradedMarket(tick), tools);
  }

  abstract CompletionStage<PolicyOutcome> decide(TickContext tick, ObservedMarket market, AgentTools tools);
}
