package dev.osprey.domain.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.FieldViolation;
import java.time.Instant;
import java.util.List;

/** Checks every executor config test makes: identity copies, and the violations it reports. */
public final class ConfigAssertions {
  private ConfigAssertions() {}

  /**
   * Asserts that {@code config} copied with a new identity has exactly that identity, and that
   * copying the copy back gives {@code config} again: nothing else changes. Returns the copy.
   */
  @SuppressWarnings("unchecked")
  public static <C extends ExecutorConfig> C assertIdentityCopy(
      final C config, final String id, final String controllerId, final Instant at) {
    final C copy = (C) config.withIdentity(id, controllerId, at);
    assertEquals(id, copy.id());
    assertEquals(controllerId, copy.controllerId());
    assertEquals(at, copy.timestamp());
    assertEquals(config, copy.withIdentity(config.id(), config.controllerId(), config.timestamp()));
    return copy;
  }

  /** The fields named by {@code violations}, in order. */
  public static List<String> fields(final List<FieldViolation> violations) {
    return violations.stream().map(FieldViolation::field).toList();
  }

  /** {@code violations} as {@code "field: rule"}, in order. */
  public static List<String> rules(final List<FieldViolation> violations) {
    return violations.stream().map(v -> v.field() + ": " + v.rule()).toList();
  }
}
