package dev.osprey.bench.baseline;

import dev.osprey.api.HttpServer;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code B_http}: a bare Pekko HTTP route answering a constant JSON body, bound by Osprey's own
 * {@link HttpServer} (the node's server settings) on the node's actor system, on 127.0.0.1.
 */
public final class ConstantRoute {
  /** The body, about the size of a small answer. */
  public static final String BODY = "{\"status\":\"RUNNING\",\"id\":\"bench\"}";

  private ConstantRoute() {}

  public static ServerBinding bind(final ActorSystem<?> system) throws Exception {
    final Route route = Directives.complete(HttpEntities.create(ContentTypes.APPLICATION_JSON, BODY));
    return HttpServer.start(route, "127.0.0.1", 0, system).toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
