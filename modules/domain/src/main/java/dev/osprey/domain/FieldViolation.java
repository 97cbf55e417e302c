package dev.osprey.domain;

import java.util.List;

/** One broken rule of an input: the JSON field (dotted path, snake_case) and the rule it breaks. */
public record FieldViolation(String field, String rule) {

  /** Thrown where a whole input is refused; carries every violation found. */
  public static final class Invalid extends IllegalArgumentException {
    private final List<FieldViolation> violations;

    public Invalid(final List<FieldViolation> violations) {
      super(describe(violations));
      this.violations = List.copyOf(violations);
    }

    public Invalid(final String field, final String rule) {
      this(List.of(new FieldViolation(field, rule)));
    }

    public List<FieldViolation> violations() {
      return violations;
    }

    private static String describe(final List<FieldViolation> vs) {
      final StringBuilder b = new StringBuilder();
      for (FieldViolation v : vs) {
        if (b.length() > 0) {
          b.append("; ");
        }
        b.append(v.field()).append(": ").append(v.rule());
      }
      return b.toString();
    }
  }
}
