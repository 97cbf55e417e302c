package dev.osprey.testkit;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * A Pekko HTTP server on 127.0.0.1 (a free port) with its own quiet actor system: what the venue
 * simulators run on. Also the WebSocket plumbing they share: a socket's outgoing queue and its
 * incoming text.
 */
public final class LoopbackServer implements AutoCloseable {
  private final ActorSystem system;
  private final Materializer materializer;
  private final ServerBinding binding;

  private LoopbackServer(final String name, final Function<LoopbackServer, Route> routes) {
    this.system =
        ActorSystem.create(
            name,
            ConfigFactory.parseString(
                    "pekko.loglevel = WARNING\n"
                        + "pekko.stdout-loglevel = WARNING\n"
                        + "pekko.actor.provider = local\n"
                        + "pekko.coordinated-shutdown.exit-jvm = off\n")
                .withFallback(ConfigFactory.defaultReference()));
    this.materializer = Materializer.matFromSystem(system);
    try {
      this.binding =
          Http.get(system)
              .newServerAt("127.0.0.1", 0)
              .bind(routes.apply(this))
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      system.terminate();
      throw new IllegalStateException(name + " did not start", e);
    }
  }

  /** Starts a server whose routes {@code routes} builds (it may use this server's plumbing). */
  public static LoopbackServer start(
      final String name, final Function<LoopbackServer, Route> routes) {
    return new LoopbackServer(name, routes);
  }

  public int port() {
    return binding.localAddress().getPort();
  }

  /** An outgoing message queue and the source that sends it, for one WebSocket. */
  public Pair<BoundedSourceQueue<Message>, Source<Message, NotUsed>> outgoing() {
    return Source.<Message>queue(4096).preMaterialize(materializer);
  }

  /**
   * The flow of one WebSocket: {@code in} gets its text messages, {@code out} sends, {@code closed}
   * runs when it ends.
   */
  public Flow<Message, Message, NotUsed> socket(
      final Sink<String, ?> in, final Source<Message, NotUsed> out, final Runnable closed) {
    final Sink<Message, NotUsed> texts = Flow.<Message>create().mapAsync(1, this::text).to(in);
    return Flow.fromSinkAndSourceCoupled(texts, out)
        .watchTermination(
            (nu, done) -> {
              done.whenComplete((d, e) -> closed.run());
              return NotUsed.getInstance();
            });
  }

  /** The text of {@code m}; empty for a binary message (read and ignored). */
  public CompletionStage<String> text(final Message m) {
    if (m.isText()) {
      return m.asTextMessage().getStreamedText().runFold("", String::concat, materializer);
    }
    return m.asBinaryMessage()
        .getStreamedData()
        .runWith(Sink.ignore(), materializer)
        .thenApply(done -> "");
  }

  /** Offers {@code text} on {@code out}. */
  public static void send(final BoundedSourceQueue<Message> out, final String text) {
    out.offer(TextMessage.create(text));
  }

  @Override
  public void close() {
    try {
      binding.terminate(Duration.ofSeconds(2)).toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // shutting down anyway
    }
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // best effort: a test JVM exits soon after
    }
  }
}
