package dev.osprey.okx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Jackson setup of the connector. OKX adds fields over time, so unknown ones are ignored;
 * it sends every number as a string and an absent one as {@code ""}, which {@link #decimal} reads
 * as null.
 */
final class OkxJson {
  static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private OkxJson() {}

  static JsonNode parse(final String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON from OKX: " + abbreviate(text), e);
    }
  }

  static String write(final Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /** The elements of the array {@code node} as {@code type}; empty when it is missing. */
  static <T> List<T> list(final JsonNode node, final Class<T> type) {
    final List<T> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      for (JsonNode element : node) {
        out.add(MAPPER.convertValue(element, type));
      }
    }
    return out;
  }

  /** An OKX number field: null when absent or empty. */
  static BigDecimal decimal(final String value) {
    return value == null || value.isBlank() ? null : new BigDecimal(value.trim());
  }

  /** An OKX number field, zero when absent or empty. */
  static BigDecimal decimalOrZero(final String value) {
    final BigDecimal d = decimal(value);
    return d == null ? BigDecimal.ZERO : d;
  }

  static String text(final JsonNode node, final String field) {
    final JsonNode v = node.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  static String abbreviate(final String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
