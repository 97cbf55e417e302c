package dev.osprey.agent.policy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Records as the agent shows them to the model: one snake_case key per component, in order. */
final class RecordMaps {
  private RecordMaps() {}

  /**
   * Every component of {@code record} under its snake_case name ({@code netPnlQuote} becomes
   * {@code net_pnl_quote}), in declaration order; a mutable map, so callers can adjust entries.
   */
  static Map<String, Object> snakeCase(final Record record) {
    final Map<String, Object> m = new LinkedHashMap<>();
    for (final RecordComponent c : record.getClass().getRecordComponents()) {
      m.put(snakeCase(c.getName()), value(record, c));
    }
    return m;
  }

  private static Object value(final Record record, final RecordComponent c) {
    try {
      return c.getAccessor().invoke(record);
    } catch (final IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName(), e);
    }
  }

  private static String snakeCase(final String camel) {
    return camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
  }
}
