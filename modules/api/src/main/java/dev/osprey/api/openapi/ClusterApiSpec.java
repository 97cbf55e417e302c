package dev.osprey.api.openapi;

import static dev.osprey.api.openapi.Schemas.array;
import static dev.osprey.api.openapi.Schemas.bool;
import static dev.osprey.api.openapi.Schemas.enumOf;
import static dev.osprey.api.openapi.Schemas.integer;
import static dev.osprey.api.openapi.Schemas.nullable;
import static dev.osprey.api.openapi.Schemas.object;
import static dev.osprey.api.openapi.Schemas.ref;
import static dev.osprey.api.openapi.Schemas.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osprey.api.openapi.RouteSpec.Param;
import dev.osprey.engine.OspreyEngine;
import java.util.List;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/** The cluster operations of the API document ({@code /cluster}) and the operators' UI ({@code /ui}). */
final class ClusterApiSpec {
  private static final String CLUSTER = "cluster";
  private static final Param TYPE = new Param("type", "Sharded entity type",
      enumOf(OspreyEngine.ENTITY_TYPES.stream().map(EntityTypeKey::name).toList()));

  static final RouteSpec MEMBERS = new RouteSpec("GET", "/cluster/members", "clusterMembers", CLUSTER,
      "The cluster's members as this node sees them: status, roles, app version, leader, oldest and "
          + "who observes whom as unreachable",
      List.of(), List.of(), null, 200, "ClusterMembers", List.of());
  static final RouteSpec EVENTS = new RouteSpec("GET", "/cluster/events", "clusterEvents", CLUSTER,
      "Membership changes as server-sent events (event: MemberUp, UnreachableMember, LeaderChanged, …; "
          + "data: ClusterChange), starting with one event per current member; a comment line every 15 s",
      List.of(), List.of(), null, 200, "text/event-stream", List.of());
  static final RouteSpec SHARDING = new RouteSpec("GET", "/cluster/sharding", "clusterSharding", CLUSTER,
      "Every sharded entity type's shards and running entities per node",
      List.of(), List.of(), null, 200, "ShardingStats", List.of(503));
  static final RouteSpec ENTITIES = new RouteSpec("GET", "/cluster/sharding/{type}/entities", "shardedEntities",
      CLUSTER, "The running entities of one type on each node",
      List.of(TYPE), List.of(), null, 200, "NodeEntities", List.of(400, 503));
  static final RouteSpec LOCATE = new RouteSpec("GET", "/cluster/sharding/{type}/entities/{id}", "locateEntity",
      CLUSTER, "Where an entity lives (its shard, the node holding it, whether it runs) and the API path of its state",
      List.of(TYPE, new Param("id", "Entity id", string().put("minLength", 1))), List.of(), null, 200,
      "EntityLocation", List.of(400, 503));
  static final RouteSpec UI = new RouteSpec("GET", "/ui", "ui", "ui",
      "The operators' web UI (src-docs/ui.md)", List.of(), List.of(), null, 200, "text/html", List.of());
  static final RouteSpec UI_FILE = new RouteSpec("GET", "/ui/{file}", "uiFile", "ui",
      "A file of the web UI (script, style sheet, image)",
      List.of(new Param("file", "File name", Schemas.pattern("^[A-Za-z0-9_-][A-Za-z0-9._-]*$"))), List.of(),
      null, 200, "*/*", List.of(404));

  private ClusterApiSpec() {}

  static void schemas(final ObjectNode s) {
    s.set("ClusterMember", object(false).prop("address", string()).prop("status", string())
        .prop("roles", array(string())).prop("app_version", string()).prop("data_center", string())
        .prop("reachable", bool()).required("address", "status", "roles", "app_version", "reachable").build());
    s.set("ClusterMembers", object(false).prop("self", string()).prop("leader", nullable(string()))
        .prop("oldest", nullable(string())).prop("members", array(ref("ClusterMember")))
        .prop("unreachable", array(object(false).prop("address", string()).prop("observers", array(string()))
            .required("address", "observers").build()))
        .required("self", "leader", "oldest", "members", "unreachable").build());
    s.set("ClusterChange", object(false).prop("type", string()).prop("address", nullable(string()))
        .prop("status", nullable(string())).required("type").build());
    final ObjectNode counts = Schemas.type("object");
    counts.set("additionalProperties", integer());
    s.set("ShardingStats", object(false).prop("entity_types", array(object(false)
        .prop("type", string()).prop("nodes", array(object(false).prop("address", string())
            .prop("shards", integer()).prop("entities", integer()).prop("entities_by_shard", counts)
            .prop("failed", array(string())).required("address", "shards", "entities").build()))
        .required("type", "nodes").build())).required("entity_types").build());
    s.set("NodeEntities", object(false).prop("type", string()).prop("nodes", array(object(false)
        .prop("address", string()).prop("entity_ids", array(string())).required("address", "entity_ids").build()))
        .required("type", "nodes").build());
    s.set("EntityLocation", object(false).prop("type", string()).prop("entity_id", string())
        .prop("shard_id", string()).prop("node", nullable(string())).prop("running", bool())
        .prop("state_path", nullable(string())).required("type", "entity_id", "shard_id", "node", "running").build());
  }
}
