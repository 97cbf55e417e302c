package dev.osprey.engine.topic;

import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The cluster's event bus: named topics that any node publishes to and any node subscribes to.
 * Delivery is at most once and unordered across publishers (Pekko's distributed pub-sub): what
 * must not be lost is journaled by whoever acts on it.
 */
public interface Topics {
  /** Publishes to every subscriber of {@code event.topic()} in the cluster. */
  void publish(TopicEvent event);

  /** Delivers every event of {@code topic} to {@code subscriber} until {@link #unsubscribe}. */
  void subscribe(String topic, ActorRef<TopicEvent> subscriber);

  void unsubscribe(String topic, ActorRef<TopicEvent> subscriber);

  /**
   * Who listens to {@code topic}: subscribers on this node, and the nodes with a topic instance
   * (this one included once anything here used the topic).
   */
  java.util.concurrent.CompletionStage<TopicStats> stats(String topic);

  /** A topic's listeners as this node sees them (the other nodes' become known within seconds). */
  record TopicStats(String topic, int localSubscribers, int nodes) {}

  /** Calls {@code listener} (on an actor's thread, one event at a time) until the result is closed. */
  AutoCloseable listen(String topic, Consumer<TopicEvent> listener);
}
