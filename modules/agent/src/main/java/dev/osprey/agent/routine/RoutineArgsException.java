package dev.osprey.agent.routine;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The arguments of a routine call break its parameters' rules. Carries every violation found, each
 * naming its field, so the HTTP layer can answer 400 with one entry per field and an LLM can fix
 * its tool call.
 */
public final class RoutineArgsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * One broken rule.
   *
   * @param field the parameter name as the caller wrote it
   * @param rule what is wrong, phrased to follow the field name ({@code is required})
   */
  public record Violation(String field, String rule) {
    public Violation {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String toString() {
      return field + " " + rule;
    }
  }

  private final List<Violation> violations;

  /**
   * @param violations at least one
   */
  public RoutineArgsException(final List<Violation> violations) {
    super(
        "invalid routine arguments: "
            + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a RoutineArgsException needs a violation");
    }
    this.violations = List.copyOf(violations);
  }

  /** A single violation. */
  public static RoutineArgsException of(final String field, final String rule) {
    return new RoutineArgsException(List.of(new Violation(field, rule)));
  }

  /** Every violation, in parameter order, unknown parameters last. */
  public List<Violation> violations() {
    return violations;
  }
}
