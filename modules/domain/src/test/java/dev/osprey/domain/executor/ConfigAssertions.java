package dev.osprey.domain.executor;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.money.Price;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.function.Executable;

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

  /**
   * Asserts that {@code create}, given a config that breaks {@code violations} rules, refuses it
   * with an exception that lists each of them.
   */
  public static void assertRefused(final int violations, final Executable create) {
    final FieldViolation.Invalid e = assertThrows(FieldViolation.Invalid.class, create);
    assertEquals(violations, e.violations().size());
  }

  /**
   * Asserts that {@code config} plans {@code quote} of exposure at {@code mid} and also without any
   * price: a budget given in quote needs none.
   */
  public static void assertPlansQuoteWhateverTheMid(
      final String quote, final ExecutorConfig config, final String mid) {
    assertDecimal(quote, config.plannedExposure(Optional.of(Price.of(mid))).orElseThrow().value());
    assertDecimal(quote, config.plannedExposure(Optional.empty()).orElseThrow().value());
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
