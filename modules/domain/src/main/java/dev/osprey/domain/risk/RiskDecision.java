package dev.osprey.domain.risk;

import java.util.Objects;

/**
 * The answer of a risk check: approved, or denied with a machine-readable reason and a sentence
 * naming the limit and the numbers (returned to the caller and recorded, never only logged).
 */
public sealed interface RiskDecision {

  /** Why something was denied. */
  enum ReasonCode {
    MAX_OPEN_EXECUTORS,
    MAX_SINGLE_ORDER,
    MAX_POSITION_SIZE,
    EXPOSURE_UNAVAILABLE,
    TRADING_HALTED,
    TRADING_REDUCING,
    DAILY_LOSS,
    DRAWDOWN,
    LLM_COST,
    KILL_SWITCH,
    ORDER_RATE,
    COOLDOWN,
    /** The usage numbers could not be computed; risk is never fail-open. */
    RISK_STATE_UNAVAILABLE
  }

  /** Within every limit. */
  record Approved() implements RiskDecision {}

  /** Refused: {@code code} for machines, {@code message} for people. */
  record Denied(ReasonCode code, String message) implements RiskDecision {
    public Denied {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }

  RiskDecision APPROVED = new Approved();

  default boolean isApproved() {
    return this instanceof Approved;
  }
}
