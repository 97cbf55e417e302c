package dev.osprey.agent.policy;

import java.math.BigDecimal;

/**
 * How a policy ended its tick.
 *
 * @param summary one line for the journal's Ticks section
 * @param actions how many tool calls that act it made (creates, stops, suggestions, learnings)
 * @param costUsd what the tick cost in LLM usage, priced from configuration (0 for rule policies)
 * @param response the full answer, for the tick's snapshot (an LLM's final message; a rule
 *     policy's reasoning)
 */
public record PolicyOutcome(String summary, int actions, BigDecimal costUsd, String response) {

  public static PolicyOutcome rule(final String summary, final int actions) {
    return new PolicyOutcome(summary, actions, BigDecimal.ZERO, summary);
  }
}
