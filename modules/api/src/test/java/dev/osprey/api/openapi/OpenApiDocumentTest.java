package dev.osprey.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osprey.json.ExecutorSchemas;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated document: well-formed OpenAPI 3.1 that states every route of the table. */
class OpenApiDocumentTest {
  private final ObjectNode doc = ApiSpec.document();

  @Test
  void shouldListEveryRouteOfTheTableOnceWithAUniqueOperationId() {
    final Set<String> operationIds = new HashSet<>();
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        operations++;
        assertTrue(operationIds.add(op.getValue().get("operationId").asText()), op.getKey() + " " + path.getKey());
      }
    }
    assertEquals(ApiSpec.ROUTES.size(), operations);
    for (RouteSpec r : ApiSpec.ROUTES) {
      assertTrue(doc.at("/paths/" + pointer(r.path()) + "/" + r.method().toLowerCase()).isObject(), r.path());
    }
  }

  @Test
  void shouldBeOpenApi31WithBasicAuthOnEveryRoute() {
    assertEquals("3.1.0", doc.get("openapi").asText());
    assertEquals("basic", doc.at("/components/securitySchemes/basicAuth/scheme").asText());
    assertTrue(doc.at("/security/0/basicAuth").isArray());
    for (JsonNode path : doc.get("paths")) {
      for (JsonNode op : path) {
        assertEquals("#/components/schemas/Error", op.at("/responses/401/content/application~1json/schema/$ref").asText());
      }
    }
  }

  @Test
  void shouldDeclareEveryPathParameterOfTheTemplate() {
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      for (JsonNode op : path.getValue()) {
        final List<String> declared = new java.util.ArrayList<>();
        op.path("parameters").forEach(p -> {
          if ("path".equals(p.get("in").asText())) {
            declared.add(p.get("name").asText());
            assertTrue(p.get("required").asBoolean());
          }
        });
        assertEquals(RouteSpec.templateParams(path.getKey()), declared, path.getKey());
      }
    }
  }

  @Test
  void shouldResolveEveryReference() {
    final Set<String> refs = new HashSet<>();
    collectRefs(doc, refs);
    assertFalse(refs.isEmpty());
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/"), ref);
      assertFalse(doc.at(ref.substring(1)).isMissingNode(), () -> "unresolved " + ref);
    }
  }

  @Test
  void shouldDescribeEveryExecutorTypeWithTheFieldsOfItsConfigSchema() {
    final JsonNode options = doc.at("/components/schemas/ExecutorConfig/oneOf");
    assertEquals(ExecutorSchemas.available().size(), options.size());
    for (Map<String, String> t : ExecutorSchemas.available()) {
      final ExecutorSchemas.Schema s = ExecutorSchemas.of(t.get("type")).orElseThrow();
      final JsonNode config = doc.at("/components/schemas/" + s.configClass());
      assertEquals(s.executorType(), config.at("/properties/type/const").asText());
      assertFalse(config.get("additionalProperties").asBoolean(true), s.configClass());
      for (ExecutorSchemas.Field f : s.fields()) {
        assertTrue(config.at("/properties/" + f.name()).isObject(), s.configClass() + "." + f.name());
        final boolean required = config.path("required").toString().contains("\"" + f.name() + "\"");
        assertEquals(f.required(), required, s.configClass() + "." + f.name());
      }
    }
  }

  @Test
  void shouldMatchTemplatesSegmentBySegment() {
    final RouteSpec stop = ApiSpec.ROUTES.stream().filter(r -> r.path().equals("/executors/{id}/stop")).findFirst()
        .orElseThrow();
    assertTrue(stop.matches(RouteSpec.segments("/executors/abc/stop/")));
    assertFalse(stop.matches(RouteSpec.segments("/executors//stop")));
    assertFalse(stop.matches(RouteSpec.segments("/executors/abc/stop/now")));
    final RouteGuard guard = new RouteGuard(new com.fasterxml.jackson.databind.ObjectMapper(), ApiSpec.ROUTES);
    assertEquals(Set.of("GET"), guard.allowedMethods(RouteSpec.segments("/executors/summary")));
    assertEquals(Set.of("POST"), guard.allowedMethods(RouteSpec.segments("/executors/search")));
    assertEquals(Set.of("GET"), guard.allowedMethods(RouteSpec.segments("/executors/an-id")));
    assertEquals(Set.of("GET", "PUT"), guard.allowedMethods(RouteSpec.segments("/controllers/c1/limits")));
    assertTrue(guard.allowedMethods(RouteSpec.segments("/executors/positions/paper")).isEmpty());
  }

  private static void collectRefs(final JsonNode node, final Set<String> refs) {
    if (node.isObject() && node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }

  private static String pointer(final String path) {
    return path.replace("~", "~0").replace("/", "~1");
  }
}
