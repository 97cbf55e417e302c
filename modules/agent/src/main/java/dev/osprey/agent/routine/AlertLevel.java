package dev.osprey.agent.routine;

import java.util.Locale;

/** How urgent an alert is. */
public enum AlertLevel {
  INFO,
  WARN,
  CRITICAL;

  /**
   * Parses a level, ignoring case.
   *
   * @throws IllegalArgumentException with a rule phrased to follow the field name
   */
  public static AlertLevel parse(final String text) {
    for (final AlertLevel level : values()) {
      if (text != null && level.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
        return level;
      }
    }
    throw new IllegalArgumentException("must be one of INFO, WARN, CRITICAL");
  }
}
