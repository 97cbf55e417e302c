package dev.osprey.api;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;

/** Binds the API and unbinds it gracefully when the node shuts down. */
public final class HttpServer {
  private HttpServer() {}

  public static CompletionStage<ServerBinding> start(
      final Route route, final String host, final int port, final ActorSystem<?> system) {
    return Http.get(system).newServerAt(host, port).bind(route).thenApply(binding -> {
      final InetSocketAddress a = binding.localAddress();
      system.log().info("Osprey HTTP API on http://{}:{}/", a.getHostString(), a.getPort());
      CoordinatedShutdown.get(system).addTask(
          CoordinatedShutdown.PhaseServiceRequestsDone(), "http-graceful-terminate",
          () -> binding.terminate(Duration.ofSeconds(10)).thenApply(t -> Done.getInstance()));
      return binding;
    });
  }
}
