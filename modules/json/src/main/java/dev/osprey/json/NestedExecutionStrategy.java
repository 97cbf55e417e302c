package dev.osprey.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.order.OrderExecutorConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The standard writes an order executor's strategy nested, {@code "execution_strategy":
 * {"order_type": "LIMIT", "price": "65000"}}; the reference (and Osprey's config) has it flat,
 * {@code "execution_strategy": "LIMIT", "price": "65000"}. Both are accepted: the nested form is
 * rewritten to the flat one before binding, so the config as run always has one shape. A price
 * given both ways must be the same number.
 */
final class NestedExecutionStrategy {
  private static final String FIELD = "execution_strategy";
  private static final Set<String> KNOWN = Set.of("order_type", "price");

  private NestedExecutionStrategy() {}

  static void flatten(final ObjectNode config) {
    final JsonNode nested = config.get(FIELD);
    if (!OrderExecutorConfig.TYPE.equals(config.path("type").asText()) || nested == null
        || !nested.isObject()) {
      return;
    }
    final String at = "executor_config." + FIELD;
    final List<FieldViolation> v = new ArrayList<>();
    nested.fieldNames().forEachRemaining(f -> {
      if (!KNOWN.contains(f)) {
        v.add(new FieldViolation(at + "." + f, "is not a known field (order_type, price)"));
      }
    });
    final JsonNode orderType = nested.get("order_type");
    if (orderType == null || orderType.isNull()) {
      v.add(new FieldViolation(at + ".order_type",
          "is required (LIMIT, LIMIT_MAKER, MARKET or LIMIT_CHASER)"));
    }
    final JsonNode price = nested.get("price");
    final JsonNode flatPrice = config.get("price");
    if (price != null && !price.isNull() && flatPrice != null && !flatPrice.isNull()
        && !samePrice(price, flatPrice)) {
      v.add(new FieldViolation(at + ".price",
          "conflicts with executor_config.price (give the price once)"));
    }
    if (!v.isEmpty()) {
      throw new FieldViolation.Invalid(v);
    }
    config.set(FIELD, orderType);
    if (price != null && !price.isNull()) {
      config.set("price", price);
    }
  }

  private static boolean samePrice(final JsonNode a, final JsonNode b) {
    try {
      return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
