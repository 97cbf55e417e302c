package dev.osprey.api;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.Source;

/**
 * A server-sent event stream over a listener: it listens while the stream is open (until the client
 * goes, noticed at the next write), drops its oldest undelivered events when the client cannot keep
 * up, and sends a comment line every 15 s so that proxies do not close an idle stream.
 */
public final class EventStreams {
  /** Events held for one slow stream before the oldest are dropped. */
  public static final int BUFFER = 256;
  public static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private EventStreams() {}

  /**
   * @param listen starts listening with the consumer that sends an event; returns what stops it
   */
  public static Source<ServerSentEvent, NotUsed> of(final Function<Consumer<ServerSentEvent>, AutoCloseable> listen) {
    return Source.<ServerSentEvent>queue(BUFFER, OverflowStrategy.dropHead())
        .mapMaterializedValue(queue -> {
          final AutoCloseable listening = listen.apply(queue::offer);
          queue.watchCompletion().whenComplete((done, err) -> {
            try {
              listening.close();
            } catch (Exception ignored) {
              // closing a listener only sends messages; nothing to recover
            }
          });
          return NotUsed.getInstance();
        })
        .keepAlive(KEEP_ALIVE, ServerSentEvent::heartbeat);
  }
}
