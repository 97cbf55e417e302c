package dev.osprey.api;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.HttpMethod;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.RequestEntityAcceptances;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.settings.ServerSettings;

/** Binds the API and unbinds it gracefully when the node shuts down. */
public final class HttpServer {
  private static final HttpMethod QUERY =
      HttpMethods.custom("QUERY", true, true, RequestEntityAcceptances.Expected);

  private HttpServer() {}

  public static CompletionStage<ServerBinding> start(
      final Route route, final String host, final int port, final ActorSystem<?> system) {
    final ServerSettings defaults = ServerSettings.create(Adapter.toClassic(system));
    final ServerSettings settings = defaults
        // QUERY (the HTTP QUERY draft, OpenAPI 3.2) reaches the routes, which answer 405 with Allow.
        .withParserSettings(defaults.getParserSettings().withCustomMethods(QUERY))
        // Requests too malformed to reach a route are answered in the API's error shape too.
        .withParsingErrorHandler(JsonParsingErrorHandler.class.getName());
    return Http.get(system).newServerAt(host, port).withSettings(settings).bind(route).thenApply(binding -> {
      final InetSocketAddress a = binding.localAddress();
      system.log().info("Osprey HTTP API on http://{}:{}/", a.getHostString(), a.getPort());
      CoordinatedShutdown.get(system).addTask(
          CoordinatedShutdown.PhaseServiceRequestsDone(), "http-graceful-terminate",
          () -> binding.terminate(Duration.ofSeconds(10)).thenApply(t -> Done.getInstance()));
      return binding;
    });
  }
}
