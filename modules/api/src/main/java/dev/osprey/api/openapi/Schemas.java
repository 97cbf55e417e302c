package dev.osprey.api.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Small builders of JSON Schema (2020-12, as OpenAPI 3.1 uses it) nodes. */
final class Schemas {
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** Decimals are JSON numbers or decimal strings (never read through binary floating point). */
  static final String DECIMAL_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$";
  /** {@code dev.osprey.domain.Ids}: 1-128 printable ASCII without whitespace or / ? # % |. */
  static final String ID_PATTERN = "^[\\x21\\x22\\x24\\x26-\\x2E\\x30-\\x3E\\x40-\\x7B\\x7D\\x7E]{1,128}$";
  static final String PAIR_PATTERN = "^[A-Za-z0-9]{1,20}-[A-Za-z0-9]{1,20}$";

  private Schemas() {}

  static ObjectNode type(final String type) {
    return F.objectNode().put("type", type);
  }

  static ObjectNode string() {
    return type("string");
  }

  static ObjectNode pattern(final String pattern) {
    return string().put("pattern", pattern);
  }

  static ObjectNode integer() {
    return type("integer");
  }

  static ObjectNode bool() {
    return type("boolean");
  }

  static ObjectNode decimal() {
    final ObjectNode n = F.objectNode();
    n.putArray("anyOf").add(type("number")).add(pattern(DECIMAL_PATTERN));
    return n;
  }

  static ObjectNode ref(final String component) {
    return F.objectNode().put("$ref", "#/components/schemas/" + component);
  }

  static ObjectNode array(final ObjectNode items) {
    final ObjectNode n = type("array");
    n.set("items", items);
    return n;
  }

  static ObjectNode enumOf(final List<String> values) {
    final ObjectNode n = string();
    final ArrayNode e = n.putArray("enum");
    values.forEach(e::add);
    return n;
  }

  /** {@code schema} or JSON null. */
  static ObjectNode nullable(final ObjectNode schema) {
    final ObjectNode n = F.objectNode();
    n.putArray("anyOf").add(schema).add(type("null"));
    return n;
  }

  /** An object with properties; {@code closed} refuses any other property. */
  static Obj object(final boolean closed) {
    return new Obj(closed);
  }

  /** Builder of an object schema. */
  static final class Obj {
    private final ObjectNode node = type("object");
    private final ObjectNode properties = node.putObject("properties");

    private Obj(final boolean closed) {
      if (closed) {
        node.put("additionalProperties", false);
      }
    }

    Obj prop(final String name, final ObjectNode schema) {
      properties.set(name, schema);
      return this;
    }

    Obj required(final String... names) {
      final ArrayNode r = node.withArray("required");
      for (String n : names) {
        r.add(n);
      }
      return this;
    }

    Obj description(final String text) {
      node.put("description", text);
      return this;
    }

    ObjectNode build() {
      return node;
    }
  }
}
