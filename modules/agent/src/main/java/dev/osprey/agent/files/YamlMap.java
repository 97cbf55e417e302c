package dev.osprey.agent.files;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level map of a YAML document, read key by key with the rules of the CTA files; a value of
 * the wrong type is an {@link AgentFileException} at the line it is written on.
 */
final class YamlMap {
  private final String file;
  private final YamlTree tree;
  private final Map<String, Object> values;

  YamlMap(final String file, final YamlTree tree, final String what) {
    this.file = file;
    this.tree = tree;
    this.values = tree.root() == null ? Map.of() : asMap(tree.root(), what);
  }

  Map<String, Object> values() {
    return values;
  }

  /** An error at the line of {@code path} (a key, then map keys or list indexes below it). */
  AgentFileException error(final String problem, final String... path) {
    return new AgentFileException(file, tree.line(path), problem);
  }

  String requiredText(final String key) {
    return text(key).orElseThrow(() -> error(key + " is required", key));
  }

  /** A non-blank string, or empty when the key is absent or null. */
  Optional<String> text(final String key) {
    final Object v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw error(key + " must be non-empty text", key);
    }
    return Optional.of(s);
  }

  /** A string, maybe empty; empty when the key is absent or null. */
  String textOrEmpty(final String key) {
    final Object v = values.get(key);
    if (v == null) {
      return "";
    }
    if (!(v instanceof String s)) {
      throw error(key + " must be text", key);
    }
    return s;
  }

  /** A whole number greater than zero ({@code 60}, also {@code 60.0}). */
  Optional<Long> positiveWhole(final String key, final String problem) {
    final Object v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    final Optional<Long> whole = whole(v);
    if (whole.isEmpty() || whole.get() <= 0) {
      throw error(problem, key);
    }
    return whole;
  }

  /** A non-empty list of non-blank strings. */
  List<String> requiredTextList(final String key, final String problem) {
    final Object v = values.get(key);
    if (!(v instanceof List<?> items) || items.isEmpty()) {
      throw error(problem, key);
    }
    final List<String> texts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof String s) || s.isBlank()) {
        throw error(problem, key, String.valueOf(i));
      }
      texts.add(s);
    }
    return texts;
  }

  /** A map with string keys; empty when the key is absent or null. */
  Map<String, Object> map(final String key) {
    final Object v = values.get(key);
    if (v == null) {
      return new LinkedHashMap<>();
    }
    if (!(v instanceof Map<?, ?>)) {
      throw error(key + " must be a map of names to values", key);
    }
    return asMap(v, key);
  }

  private static Optional<Long> whole(final Object v) {
    if (v instanceof Long l) {
      return Optional.of(l);
    }
    if (v instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
      try {
        return Optional.of(d.longValueExact());
      } catch (ArithmeticException tooLarge) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private Map<String, Object> asMap(final Object v, final String what) {
    if (!(v instanceof Map<?, ?> m)) {
      throw new AgentFileException(
          file, tree.firstLine(), what + " must be a YAML map of names to values");
    }
    final Map<String, Object> copy = new LinkedHashMap<>();
    // Jackson reads every YAML key (also 1: or true:) as a String.
    m.forEach((k, value) -> copy.put(String.valueOf(k), value));
    return copy;
  }
}
