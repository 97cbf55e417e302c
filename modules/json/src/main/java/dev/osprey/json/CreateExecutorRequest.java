package dev.osprey.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osprey.json.JsonErrors;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.Ids;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.executor.ExecutorTypes;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads hummingbot-api's create body {@code {account_name?, controller_id?, executor_config:
 * {type, …}}} into a config with its identity: {@code controller_id} from the body, else from the
 * config, else {@code main} (the reference's default); {@code id} from the config or a new one;
 * {@code timestamp} from the config or now.
 */
public final class CreateExecutorRequest {
  static final String DEFAULT_CONTROLLER = "main";

  private CreateExecutorRequest() {}

  public static ExecutorConfig parse(
      final ObjectMapper mapper, final JsonNode body, final Instant now, final IdGenerator ids) {
    return parse(mapper, body, now, ids, VenueFees.NONE);
  }

  /**
   * As {@link #parse(ObjectMapper, JsonNode, Instant, IdGenerator)}; XEMM and arbitrage configs
   * that leave their fee rates out get the venues' rates (so profitability is fee-aware by
   * default, and the config as run says which rates were used).
   */
  public static ExecutorConfig parse(
      final ObjectMapper mapper, final JsonNode body, final Instant now, final IdGenerator ids,
      final VenueFees fees) {
    return parse(mapper, body, now, ids, fees, UnaryOperator.identity());
  }

  /**
   * As {@link #parse(ObjectMapper, JsonNode, Instant, IdGenerator, VenueFees)}, with every
   * {@code connector_name} (of the config and of its markets) replaced by the connector that
   * trades it, before the fees are looked up: a real venue this node has no connector for runs on
   * its paper twin ({@link dev.osprey.domain.market.PaperTrade}), and the config as run says so.
   */
  public static ExecutorConfig parse(
      final ObjectMapper mapper, final JsonNode body, final Instant now, final IdGenerator ids,
      final VenueFees fees, final UnaryOperator<String> connectors) {
    if (body == null || !body.isObject()) {
      throw new FieldViolation.Invalid("body", "must be a JSON object");
    }
    final JsonNode raw = body.get("executor_config");
    if (raw == null || raw.isNull()) {
      throw new FieldViolation.Invalid("executor_config", "is required");
    }
    if (!raw.isObject()) {
      throw new FieldViolation.Invalid("executor_config", "must be an object");
    }
    final ObjectNode config = ((ObjectNode) raw).deepCopy();
    final JsonNode type = config.get("type");
    if (type == null || !type.isTextual() || type.asText().isBlank()) {
      throw new FieldViolation.Invalid("executor_config.type", "is required (one of " + ExecutorTypes.names() + ")");
    }
    if (!ExecutorTypes.names().contains(type.asText())) {
      throw new FieldViolation.Invalid("executor_config.type",
          "unknown executor type '" + type.asText() + "' (one of " + ExecutorTypes.names() + ")");
    }
    resolveConnectors(config, connectors);
    NestedExecutionStrategy.flatten(config);
    CrossVenueFees.fill(config, fees);
    final String controllerId = controllerId(body, config);
    config.remove("controller_id");
    final String id = text(config, "id");
    if (id != null) {
      Ids.require("executor_config.id", id);
    }
    final ExecutorConfig parsed;
    try {
      parsed = mapper.treeToValue(config, ExecutorConfig.class);
    } catch (JsonProcessingException e) {
      throw new FieldViolation.Invalid(List.of(JsonErrors.violation("executor_config", e)));
    } catch (IllegalArgumentException e) {
      throw new FieldViolation.Invalid("executor_config", e.getMessage());
    }
    return parsed.withIdentity(
        id != null ? id : ids.next(),
        controllerId,
        parsed.timestamp() != null ? parsed.timestamp() : now);
  }

  /** The config's own connector and those of its markets (XEMM's and arbitrage's two legs). */
  private static void resolveConnectors(final ObjectNode config, final UnaryOperator<String> connectors) {
    resolveConnector(config, connectors);
    config.forEach(field -> {
      if (field.isObject()) {
        resolveConnector((ObjectNode) field, connectors);
      }
    });
  }

  private static void resolveConnector(final ObjectNode node, final UnaryOperator<String> connectors) {
    final JsonNode name = node.get("connector_name");
    if (name != null && name.isTextual()) {
      node.put("connector_name", connectors.apply(name.asText()));
    }
  }

  private static String controllerId(final JsonNode body, final JsonNode config) {
    String c = text(body, "controller_id");
    String field = "controller_id";
    if (c == null) {
      c = text(config, "controller_id");
      field = "executor_config.controller_id";
    }
    if (c == null) {
      return DEFAULT_CONTROLLER;
    }
    return Ids.require(field, c);
  }

  private static String text(final JsonNode node, final String field) {
    return JsonFields.optionalText(node, field);
  }
}
