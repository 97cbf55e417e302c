package dev.osprey.domain.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.FieldViolation;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A change that breaks a valid config, and the fields its violations must name, in order.
 *
 * @param <B> the test's config builder
 */
public record BrokenConfig<B>(String name, UnaryOperator<B> change, List<String> fields) {

  public static <B> BrokenConfig<B> of(
      final String name, final UnaryOperator<B> change, final String... fields) {
    return new BrokenConfig<>(name, change, List.of(fields));
  }

  /** Asserts that {@code valid}, changed and built, names exactly these fields. */
  public void assertNamed(final B valid, final Function<B, ? extends ExecutorConfig> build) {
    final List<FieldViolation> violations = build.apply(change.apply(valid)).validate();
    assertEquals(fields, ConfigAssertions.fields(violations), violations.toString());
  }

  @Override
  public String toString() {
    return name + " -> " + fields;
  }
}
