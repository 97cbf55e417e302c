package dev.osprey.api.topics;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.api.EventStreams;
import dev.osprey.api.JsonRoutes;
import dev.osprey.api.Requester;
import dev.osprey.domain.FieldViolation;
import dev.osprey.engine.topic.TopicEvent;
import dev.osprey.engine.topic.TopicNames;
import dev.osprey.engine.topic.Topics;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The cluster's event bus over HTTP, so any planner (a Loom deployment, a script) can feed agents
 * and watch what they do: {@code POST /topics/{name}} publishes its JSON object body, {@code GET
 * /topics/{name}/events} streams the topic's messages as server-sent events (event type: the
 * topic; data: the message) from the moment it is opened, with a comment line every 15 s to keep
 * proxies from closing it; {@code GET /topics/{name}} says who listens. A stream that cannot keep up loses its oldest undelivered messages.
 */
public final class TopicRoutes extends JsonRoutes {
  private final Topics topics;
  private final Clock clock;

  public TopicRoutes(final ObjectMapper mapper, final Topics topics, final Clock clock) {
    super(mapper);
    this.topics = topics;
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix("topics", () -> pathPrefix(PathMatchers.segment(), name -> concat(
        pathEndOrSingleSlash(() -> concat(get(() -> TopicNames.isValid(name)
            ? await(topics.stats(name), s -> ok(stats(s))) : invalidName(name)),
            post(() -> extractRequest(request -> withJsonBody(true, body -> {
          if (!TopicNames.isValid(name)) {
            return invalidName(name);
          }
          final TopicEvent event = new TopicEvent(name, body.toString(), Requester.of(request), clock.instant());
          topics.publish(event);
          final Map<String, Object> published = new LinkedHashMap<>();
          published.put("topic", name);
          published.put("published_by", event.by());
          published.put("published_at", event.at());
          return json(StatusCodes.ACCEPTED, published);
        }))))),
        path("events", () -> get(() -> TopicNames.isValid(name)
            ? completeOK(stream(name), EventStreamMarshalling.toEventStream())
            : invalidName(name))))));
  }

  private static Map<String, Object> stats(final Topics.TopicStats s) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("topic", s.topic());
    m.put("local_subscribers", s.localSubscribers());
    m.put("nodes", s.nodes());
    return m;
  }

  private Route invalidName(final String name) {
    return invalid(List.of(new FieldViolation("name", "topic '" + name + "' " + TopicNames.RULE)));
  }

  private Source<ServerSentEvent, NotUsed> stream(final String topic) {
    return EventStreams.of(send -> topics.listen(topic, e -> send.accept(ServerSentEvent.create(e.payloadJson(), e.topic()))));
  }
}
