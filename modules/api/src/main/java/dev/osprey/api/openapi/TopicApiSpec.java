package dev.osprey.api.openapi;

import static dev.osprey.api.openapi.Schemas.integer;
import static dev.osprey.api.openapi.Schemas.object;
import static dev.osprey.api.openapi.Schemas.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osprey.api.openapi.RouteSpec.Param;
import java.util.List;

/** The event bus operations of the API document ({@code /topics}) and their schemas. */
final class TopicApiSpec {
  private static final String TOPICS = "topics";
  private static final Param NAME = new Param("name", "Topic, e.g. plan.ready or execution.btc (1-128 of A-Z a-z 0-9 . _ : -)",
      string().put("pattern", "^[A-Za-z0-9._:-]{1,128}$"));

  static final RouteSpec STATS = new RouteSpec("GET", "/topics/{name}", "getTopic", TOPICS,
      "Who listens to a topic: subscribers on this node and the nodes with the topic",
      List.of(NAME), List.of(), null, 200, "TopicStats", List.of(400, 503));
  static final RouteSpec PUBLISH = new RouteSpec("POST", "/topics/{name}", "publish", TOPICS,
      "Publish a JSON object to every subscriber of the topic in the cluster (at most once, no history)",
      List.of(NAME), List.of(), "TopicMessage", 202, "Published", List.of(400));
  static final RouteSpec EVENTS = new RouteSpec("GET", "/topics/{name}/events", "topicEvents", TOPICS,
      "The topic's messages from now on, as server-sent events (event: the topic, data: the message); "
          + "a comment line every 15 s keeps the stream open",
      List.of(NAME), List.of(), null, 200, "text/event-stream", List.of(400));

  private TopicApiSpec() {}

  static void schemas(final ObjectNode s) {
    s.set("TopicMessage", Schemas.type("object").put("description", "Any JSON object, e.g. a Loom plan "
        + "{\"symbol\": \"BTC\", \"action\": \"BUY\", \"confidence\": 0.85, \"reasoning\": \"...\"}"));
    s.set("Published", object(false).prop("topic", string()).prop("published_by", string())
        .prop("published_at", Schemas.type("number")).required("topic", "published_by", "published_at").build());
    s.set("TopicStats", object(false).prop("topic", string()).prop("local_subscribers", integer())
        .prop("nodes", integer()).required("topic", "local_subscribers", "nodes").build());
  }

  static ObjectNode example() {
    return Schemas.F.objectNode().put("symbol", "BTC").put("action", "HOLD").put("confidence", 0.6)
        .put("reasoning", "openapi example");
  }
}
