package dev.osprey.engine.topic;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * {@link Topics} on Pekko's distributed pub-sub: one topic actor per name on this node, started the
 * first time the name is used, which finds the other nodes' through the receptionist. A listener
 * is a small actor of its own, so a slow one delays nobody else.
 */
public final class ClusterTopics implements Topics {
  private final ActorSystem<?> system;
  private final Map<String, ActorRef<Topic.Command<TopicEvent>>> topics = new ConcurrentHashMap<>();
  private final AtomicLong listeners = new AtomicLong();

  public ClusterTopics(final ActorSystem<?> system) {
    this.system = system;
  }

  @Override
  public void publish(final TopicEvent event) {
    topic(event.topic()).tell(Topic.publish(event));
  }

  @Override
  public void subscribe(final String topic, final ActorRef<TopicEvent> subscriber) {
    topic(topic).tell(Topic.subscribe(subscriber));
  }

  @Override
  public void unsubscribe(final String topic, final ActorRef<TopicEvent> subscriber) {
    topic(topic).tell(Topic.unsubscribe(subscriber));
  }

  @Override
  public CompletionStage<TopicStats> stats(final String topic) {
    final ActorRef<Topic.Command<TopicEvent>> ref = topic(topic);
    return AskPattern.<Topic.Command<TopicEvent>, Topic.TopicStats>ask(ref, Topic::getTopicStats,
            Duration.ofSeconds(5), system.scheduler())
        .thenApply(s -> new TopicStats(topic, s.localSubscriberCount(), s.topicInstanceCount()));
  }

  @Override
  public AutoCloseable listen(final String topic, final Consumer<TopicEvent> listener) {
    final ActorRef<Object> ref = system.systemActorOf(listener(listener),
        "topic-listener-" + listeners.incrementAndGet(), Props.empty());
    subscribe(topic, ref.narrow());
    return () -> {
      unsubscribe(topic, ref.narrow());
      ref.tell(Stop.INSTANCE);
    };
  }

  private enum Stop { INSTANCE }

  private static Behavior<Object> listener(final Consumer<TopicEvent> listener) {
    return Behaviors.receive(Object.class)
        .onMessage(TopicEvent.class, e -> {
          listener.accept(e);
          return Behaviors.same();
        })
        .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
        .build();
  }

  private ActorRef<Topic.Command<TopicEvent>> topic(final String name) {
    if (!TopicNames.isValid(name)) {
      throw new IllegalArgumentException("topic '" + name + "' " + TopicNames.RULE);
    }
    return topics.computeIfAbsent(name, n -> system.systemActorOf(Topic.create(TopicEvent.class, n),
        "topic-" + URLEncoder.encode(n, StandardCharsets.UTF_8), Props.empty()));
  }
}
