package dev.osprey.agent.journal;

/** How a tick ended. */
public enum TickOutcome {
  /** The policy decided and its actions were carried out (some may have been denied). */
  OK,
  /** The pre-tick gate blocked it (daily loss, drawdown, LLM cost): nothing was decided. */
  BLOCKED,
  /** Observing or deciding failed (missing data, a broken policy): nothing was decided. */
  FAILED
}
