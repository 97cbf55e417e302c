package dev.osprey.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the schemas cannot see: the rendered overlays agree with application.conf and with each
 * other (discovery labels, port names and numbers, probes, RBAC for the service account, the
 * grace period against coordinated shutdown), and each overlay has what it promises.
 */
class OverlayConsistencyTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** Pekko's coordinated-shutdown phase timeouts add up to 75 s: the grace must be longer. */
  private static final int COORDINATED_SHUTDOWN_SECONDS = 75;

  @ParameterizedTest
  @MethodSource("dev.osprey.k8s.KustomizeSchemaTest#overlays")
  void shouldMatchTheNodeConfiguration(final String overlay) throws IOException {
    final Rendered r = render(overlay);
    final JsonNode pod = r.one("Deployment", "osprey").at("/spec/template");
    final JsonNode container = pod.at("/spec/containers/0");
    final JsonNode configMap = r.byPrefix("ConfigMap", "osprey-config-");
    final JsonNode config = configMap.path("data");
    final String configName = configMap.at("/metadata/name").asText();
    assertEquals(configName, container.at("/envFrom/0/configMapRef/name").asText());

    // kubernetes-api discovery selects pods by app=<service name>, on the port named management.
    assertEquals(
        config.path("OSPREY_SERVICE_NAME").asText(), pod.at("/metadata/labels/app").asText());
    assertEquals("kubernetes-api", config.path("OSPREY_DISCOVERY_METHOD").asText());
    assertEquals("bootstrap", config.path("OSPREY_CLUSTER_FORMATION").asText());
    assertEquals("false", config.path("OSPREY_AUTH_LOCAL_MODE").asText());
    assertEquals("false", config.path("OSPREY_CASSANDRA_EMBEDDED").asText());
    final Map<String, Integer> ports = new HashMap<>();
    container.path("ports").forEach(
        p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
    assertEquals(Map.of("http", 8080, "management", 8558, "remoting", 25520), ports);

    assertEquals("/alive", container.at("/startupProbe/httpGet/path").asText());
    assertEquals("/alive", container.at("/livenessProbe/httpGet/path").asText());
    assertEquals("/ready", container.at("/readinessProbe/httpGet/path").asText());
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertEquals("management", container.at("/" + probe + "/httpGet/port").asText(), probe);
    }
    final int grace = pod.at("/spec/terminationGracePeriodSeconds").asInt();
    assertTrue(grace > COORDINATED_SHUTDOWN_SECONDS, "grace period " + grace + " s");
    assertTrue(pod.at("/spec/securityContext/runAsNonRoot").asBoolean());
    assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean());

    // The service account may read the pods of its own namespace, which discovery needs.
    final String account = pod.at("/spec/serviceAccountName").asText();
    final JsonNode binding = r.one("RoleBinding", "osprey-read-pods");
    assertEquals(account, binding.at("/subjects/0/name").asText());
    final JsonNode rule = r.one("Role", binding.at("/roleRef/name").asText()).at("/rules/0");
    assertEquals("[\"pods\"]", rule.path("resources").toString());
    assertEquals("[\"get\",\"watch\",\"list\"]", rule.path("verbs").toString());

    final JsonNode internal = r.one("Service", "osprey-internal").path("spec");
    assertEquals("None", internal.path("clusterIP").asText());
    assertTrue(internal.path("publishNotReadyAddresses").asBoolean());

    // The schema Job mounts the generated ConfigMap with the CQL file.
    final String schemaMap =
        r.byPrefix("ConfigMap", "osprey-cassandra-schema-").at("/metadata/name").asText();
    final JsonNode job = r.one("Job", "osprey-schema").at("/spec/template/spec");
    assertEquals(schemaMap, job.at("/volumes/0/configMap/name").asText());
    assertEquals(configName, job.at("/containers/0/envFrom/0/configMapRef/name").asText());
  }

  @Test
  void shouldRunThreeReplicasOnAnExternalCassandraInProd() throws IOException {
    final Rendered r = render("prod");
    assertEquals(3, r.one("Deployment", "osprey").at("/spec/replicas").asInt());
    assertEquals(3, r.one("HorizontalPodAutoscaler", "osprey").at("/spec/minReplicas").asInt());
    assertEquals("LoadBalancer", r.one("Service", "osprey").at("/spec/type").asText());
    assertTrue(r.all("StatefulSet").isEmpty(), "prod runs no Cassandra of its own");
  }

  @Test
  void shouldRunOneReplicaOnItsOwnCassandraInDev() throws IOException {
    final Rendered r = render("dev");
    assertEquals(1, r.one("Deployment", "osprey").at("/spec/replicas").asInt());
    assertEquals(1, r.one("HorizontalPodAutoscaler", "osprey").at("/spec/minReplicas").asInt());
    final JsonNode config = r.byPrefix("ConfigMap", "osprey-config-").path("data");
    assertEquals("1", config.path("REQUIRED_CONTACT_POINT_NR").asText());
    final String cassandra = config.path("OSPREY_CASSANDRA_CONTACT_POINT").asText();
    assertEquals("cassandra:9042", cassandra);
    assertEquals("cassandra", r.one("StatefulSet", "cassandra").at("/spec/serviceName").asText());
    assertEquals("None", r.one("Service", "cassandra").at("/spec/clusterIP").asText());
    assertTrue(config.path("OSPREY_CQL_REPLICATION").asText().contains("'datacenter1': 1"));
  }

  private static Rendered render(final String overlay) throws IOException {
    final String yaml = KubeTools.kustomize(KubeTools.REPO.resolve("k8s/overlays/" + overlay));
    final List<JsonNode> objects = new ArrayList<>();
    try (var parser = YAML.getFactory().createParser(yaml)) {
      YAML.readValues(parser, JsonNode.class).forEachRemaining(objects::add);
    }
    return new Rendered(objects);
  }

  /** The objects one overlay renders. */
  private record Rendered(List<JsonNode> objects) {
    List<JsonNode> all(final String kind) {
      return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode one(final String kind, final String name) {
      return only(kind, name, all(kind).stream()
          .filter(o -> name.equals(o.at("/metadata/name").asText())).toList());
    }

    JsonNode byPrefix(final String kind, final String prefix) {
      return only(kind, prefix, all(kind).stream()
          .filter(o -> o.at("/metadata/name").asText().startsWith(prefix)).toList());
    }

    private static JsonNode only(final String kind, final String name, final List<JsonNode> found) {
      assertEquals(1, found.size(),
          () -> "expected one " + kind + " " + name + ", found " + found.size());
      return found.get(0);
    }
  }
}
