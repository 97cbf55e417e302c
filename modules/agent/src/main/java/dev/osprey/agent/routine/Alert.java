package dev.osprey.agent.routine;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert raised by a routine.
 *
 * @param at when it was raised, from the routine context's clock
 * @param level how urgent
 * @param message what happened, for a human
 */
public record Alert(Instant at, AlertLevel level, String message) {
  public Alert {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
  }
}
