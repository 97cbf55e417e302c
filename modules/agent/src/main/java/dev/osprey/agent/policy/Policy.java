package dev.osprey.agent.policy;

import java.util.concurrent.CompletionStage;

/**
 * The decide step of an agent's tick: given what the agent observed, act through the tools. A
 * policy holds no state between ticks (what it must remember is in the configs, the learnings and
 * the journal), so a restarted agent decides as the one before it would have.
 *
 * <p>A policy that throws or completes exceptionally fails the tick, which is recorded with why;
 * the agent goes on ticking.
 */
public interface Policy {
  /** The name agent.md selects it by ({@code policy:}). */
  String name();

  CompletionStage<PolicyOutcome> decide(TickContext tick, AgentTools tools);
}
