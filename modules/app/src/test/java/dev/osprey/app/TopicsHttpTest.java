package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.ManualClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The event bus over HTTP: publish with a POST, watch with server-sent events. */
class TopicsHttpTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-12-05T10:00:00Z");
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK);

  private static void awaitSubscribers(final String topic, final int count) {
    node.awaitJson("/topics/" + topic, n -> assertEquals(count, n.get("local_subscribers").asInt(), n::toString));
  }

  @Test
  void shouldStreamWhatIsPublishedToEverySubscriberOfTheTopic() throws Exception {
    try (EventStream admin = new EventStream(node, "plan.ready", HttpNode.ADMIN);
         EventStream reader = new EventStream(node, "plan.ready", HttpNode.READER)) {
      awaitSubscribers("plan.ready", 2);
      final HttpResponse<String> r = node.send("POST", "/topics/plan.ready",
          "{\"symbol\": \"BTC\", \"action\": \"BUY\", \"confidence\": 0.85}");
      assertEquals(202, r.statusCode(), r.body());
      assertEquals(HttpNode.json("{\"topic\": \"plan.ready\", \"published_by\": \"test-admin\", \"published_at\": "
          + CLOCK.instant().getEpochSecond() + "}"), HttpNode.json(r));
      for (EventStream s : new EventStream[] {admin, reader}) {
        assertEquals("Content-Type: text/event-stream", s.next());
        assertEquals("data:{\"symbol\":\"BTC\",\"action\":\"BUY\",\"confidence\":0.85}", s.next());
        assertEquals("event:plan.ready", s.next());
      }
      // Another topic's messages do not reach these streams.
      assertEquals(202, node.send("POST", "/topics/execution.btc", "{\"status\": \"success\"}").statusCode());
      assertEquals(202, node.send("POST", "/topics/plan.ready", "{\"n\": 2}").statusCode());
      assertEquals("data:{\"n\":2}", admin.next());
      assertEquals("event:plan.ready", admin.next());
    }
    // A closed connection is noticed when the stream next writes to it; the listeners then go.
    node.await(() -> {
      try {
        assertEquals(202, node.send("POST", "/topics/plan.ready", "{\"n\": 3}").statusCode());
        assertEquals(0, HttpNode.json(node.send("GET", "/topics/plan.ready", null)).get("local_subscribers").asInt());
        return true;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void shouldRefuseABadNameOrABodyThatIsNotAnObjectAndReadOnlyPublishers() throws Exception {
    final HttpResponse<String> badName = node.send("POST", "/topics/plan%20ready", "{}");
    assertEquals(400, badName.statusCode(), badName.body());
    assertEquals("name", HttpNode.json(badName).at("/violations/0/field").asText(), badName.body());
    final HttpResponse<String> notObject = node.send("POST", "/topics/plan.ready", "[1, 2]");
    assertEquals(400, notObject.statusCode(), notObject.body());
    assertEquals("body", HttpNode.json(notObject).at("/violations/0/field").asText(), notObject.body());
    final HttpResponse<String> empty = node.send("POST", "/topics/plan.ready", null);
    assertEquals(400, empty.statusCode(), empty.body());
    assertEquals("body: is required: a JSON object", HttpNode.json(empty).at("/message").asText(), empty.body());
    assertEquals(403, node.sendAs(HttpNode.READER, "POST", "/topics/plan.ready", "{}").statusCode());
  }
}
