package dev.osprey.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.osprey.api.ApiRoutes;
import dev.osprey.api.HttpServer;
import dev.osprey.api.auth.AuthSettings;
import dev.osprey.api.auth.BasicAuth;
import dev.osprey.api.cluster.ClusterRoutes;
import dev.osprey.api.ui.UiRoutes;
import dev.osprey.api.controllers.ControllerRoutes;
import dev.osprey.api.controllers.TradingStateRoutes;
import dev.osprey.api.executors.ExecutorRoutes;
import dev.osprey.json.IdGenerator;
import dev.osprey.api.agents.AgentRoutes;
import dev.osprey.api.mcp.AgentTools;
import dev.osprey.api.mcp.ExecutorTools;
import dev.osprey.api.mcp.McpRoutes;
import dev.osprey.json.CreateExecutorRequest;
import dev.osprey.api.scope.ControllerScope;
import dev.osprey.api.scope.ScopedAgents;
import dev.osprey.api.scope.ScopedControllers;
import dev.osprey.api.scope.ScopedExecutors;
import dev.osprey.engine.gateway.ControllerGateway;
import dev.osprey.engine.gateway.ExecutorGateway;
import dev.osprey.api.routines.RoutineRoutes;
import dev.osprey.api.topics.TopicRoutes;
import dev.osprey.engine.topic.ClusterTopics;
import dev.osprey.engine.topic.Topics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import dev.osprey.engine.agent.AgentGateway;
import dev.osprey.engine.agent.VenueCandles;
import dev.osprey.json.ApiJson;
import dev.osprey.api.paper.PaperRoutes;
import dev.osprey.api.positions.PositionJson;
import dev.osprey.binance.BinanceExchange;
import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.market.PaperTrade;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.EngineSettings;
import dev.osprey.engine.OspreyEngine;
import dev.osprey.engine.paper.ClusterPaperVenue;
import dev.osprey.engine.paper.PaperVenueEntity;
import dev.osprey.engine.paper.PaperVenueSpec;
import dev.osprey.engine.venue.Venues;
import dev.osprey.exchange.ExchangeConnector;
import dev.osprey.okx.OkxExchange;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.slf4j.LoggerFactory;

/**
 * One running Osprey node: actor system, cluster membership, engine, paper venues, HTTP API and
 * Pekko Management. Built by {@link Main}, and by tests that need a whole node.
 */
public final class OspreyNode {
  private final ActorSystem<Void> system;
  private final OspreyEngine engine;
  private final Map<String, ClusterPaperVenue> paper;
  private final ServerBinding binding;
  private final AgentGateway agents;

  private OspreyNode(
      final ActorSystem<Void> system,
      final OspreyEngine engine,
      final AgentGateway agents,
      final Map<String, ClusterPaperVenue> paper,
      final ServerBinding binding) {
    this.system = system;
    this.engine = engine;
    this.agents = agents;
    this.paper = paper;
    this.binding = binding;
  }

  /**
   * Starts a node with the paper venues its config describes. The venues live in the journal, one
   * owner each in the cluster ({@link PaperVenueEntity}); this node trades them through its own
   * {@link ClusterPaperVenue} connectors.
   */
  public static OspreyNode start(final Config config, final Clock clock) {
    final Map<String, PaperVenueSpec> specs = PaperVenueSpecs.fromConfig(config);
    // Before anything starts: a node without users outside local mode must not come up at all.
    final AuthSettings auth = AuthSettings.fromConfig(config.getConfig("osprey.auth"));
    final ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "osprey", config);
    try {
      auth.startupWarning().ifPresent(system.log()::warn);
      formCluster(system, config);
      final EngineSettings settings = EngineSettings.fromConfig(config);
      PaperVenueEntity.init(system, specs, clock);
      final Duration follow = config.getDuration("osprey.paper.follow-interval");
      final Map<String, ClusterPaperVenue> paper = new LinkedHashMap<>();
      for (PaperVenueSpec spec : specs.values()) {
        paper.put(spec.name(), ClusterPaperVenue.start(system, spec, settings.askTimeout(), follow));
      }
      final List<OkxExchange> okx =
          OkxVenue.start(config, () -> upMembers(system), LoggerFactory.getLogger(OkxVenue.class));
      final List<ExchangeConnector> connectors = new ArrayList<>(paper.values());
      connectors.addAll(okx);
      final Optional<BinanceExchange> binance =
          BinanceVenue.start(config, system, () -> upMembers(system), LoggerFactory.getLogger(BinanceVenue.class));
      binance.ifPresent(connectors::add);
      final EngineContext ctx = new EngineContext(
          new Venues(connectors), clock, Executors.standard(), settings);
      final OspreyEngine engine = OspreyEngine.start(system, ctx);
      final VenueCandles candles = new VenueCandles(ctx.venues());
      CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
          "close-venue-subscriptions", () -> {
            ApiReadiness.markNotReady(Adapter.toClassic(system));
            engine.close();
            candles.close();
            okx.forEach(OkxExchange::close);
            binance.ifPresent(BinanceExchange::close);
            paper.values().forEach(ClusterPaperVenue::close);
            return CompletableFuture.completedFuture(Done.getInstance());
          });
      final ObjectMapper mapper = ApiJson.mapper();
      final NodeRoutines routines = new NodeRoutines(ctx.venues(), candles, clock,
          system.dispatchers().lookup(org.apache.pekko.actor.typed.DispatcherSelector.blocking()));
      final Topics topics = new ClusterTopics(system);
      final OpenTelemetry telemetry = NodeTelemetry.fromEnvironment(System.getenv());
      if (telemetry instanceof OpenTelemetrySdk sdk) {
        CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
            "flush-traces", () -> {
              sdk.close();
              return CompletableFuture.completedFuture(Done.getInstance());
            });
      }
      final AgentGateway agents = AgentNode.start(system, config, ctx, engine, mapper, routines, topics, telemetry);
      final PositionJson positions = new PositionJson((connector, pair) ->
          ctx.venues().get(connector).flatMap(v -> v.topOfBook(pair)).map(TopOfBook::mid));
      final ApiRoutes routes = new ApiRoutes(mapper, new BasicAuth(mapper, auth), user -> {
        // An agent harness gets gateways that act for its controllers only.
        final ControllerScope scope = user.scoped() ? new ControllerScope(user.name(), user.controllers()) : null;
        final ExecutorGateway executors = scope == null ? engine.executors() : new ScopedExecutors(engine.executors(), scope);
        final ControllerGateway controllers =
            scope == null ? engine.controllers() : new ScopedControllers(engine.controllers(), scope);
        final AgentGateway userAgents = scope == null ? agents : new ScopedAgents(agents, scope);
        final McpRoutes mcp = new McpRoutes(
            new ExecutorTools(mapper, ctx.settings().askTimeout(), executors, controllers, positions, clock,
                body -> CreateExecutorRequest.parse(mapper, body, clock.instant(), IdGenerator.base58(),
                    (connector, pair) -> ctx.venues().get(connector).flatMap(v -> v.feeRates(pair)),
                    name -> PaperTrade.resolve(name, n -> ctx.venues().get(n).isPresent()))),
            new AgentTools(mapper, ctx.settings().askTimeout(), userAgents, new StandardAgentFiles(), user.name()));
        return List.of(
            mcp.routes(),
            new ExecutorRoutes(mapper, executors, controllers, positions, clock, IdGenerator.base58(),
                (connector, pair) -> ctx.venues().get(connector).flatMap(v -> v.feeRates(pair)),
                name -> PaperTrade.resolve(name, n -> ctx.venues().get(n).isPresent())).routes(),
            new ControllerRoutes(mapper, controllers).routes(),
            new TradingStateRoutes(mapper, engine.tradingState()).routes(),
            new AgentRoutes(mapper, userAgents, new StandardAgentFiles()).routes(),
            new RoutineRoutes(mapper, routines).routes(),
            new TopicRoutes(mapper, topics, clock).routes(),
            new PaperRoutes(mapper, new PaperVenues(paper)).routes(),
            new ClusterRoutes(mapper, engine.cluster(), engine.sharding()).routes(),
            new UiRoutes(mapper).routes());
      });
      final Config http = config.getConfig("osprey.http");
      final ServerBinding binding = HttpServer
          .start(routes.route(), http.getString("host"), http.getInt("port"), system)
          .toCompletableFuture().get(30, TimeUnit.SECONDS);
      PekkoManagement.get(system).start();
      if ("bootstrap".equals(config.getString("osprey.cluster.formation"))) {
        ClusterBootstrap.get(system).start();
      }
      awaitJournal(system, engine);
      return new OspreyNode(system, engine, agents, paper, binding);
    } catch (Exception e) {
      system.terminate();
      throw new IllegalStateException("Osprey node failed to start: " + e.getMessage(), e);
    }
  }

  private static void formCluster(final ActorSystem<Void> system, final Config config) {
    final String formation = config.getString("osprey.cluster.formation");
    if ("single-node".equals(formation)) {
      final Cluster cluster = Cluster.get(system);
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    } else if (!"bootstrap".equals(formation) && !"seed-nodes".equals(formation)) {
      throw new IllegalArgumentException(
          "osprey.cluster.formation must be single-node, bootstrap or seed-nodes, got " + formation);
    }
  }

  /** Ready means: the journal answers. Ask the registry (a persistent entity) until it does. */
  private static void awaitJournal(final ActorSystem<Void> system, final OspreyEngine engine) throws Exception {
    final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        final CompletionStage<?> probe = engine.controllers().controllers();
        probe.toCompletableFuture().get(30, TimeUnit.SECONDS);
        ApiReadiness.markReady(Adapter.toClassic(system));
        system.log().info("Osprey is ready");
        return;
      } catch (Exception e) {
        last = e;
        system.log().info("waiting for the journal: {}", e.toString());
      }
    }
    throw new IllegalStateException("the journal did not answer within 3 minutes", last);
  }

  public ActorSystem<Void> system() {
    return system;
  }

  public int httpPort() {
    return binding.localAddress().getPort();
  }

  public ClusterPaperVenue paper(final String name) {
    return paper.get(name);
  }

  public Map<String, ? extends ExchangeConnector> venues() {
    return paper;
  }

  /** The node's agents. */
  public AgentGateway agents() {
    return agents;
  }

  public OspreyEngine engine() {
    return engine;
  }

  /** Stops the node (coordinated shutdown) and waits for it. */
  public void stop() {
    system.terminate();
    awaitTermination();
  }

  public void awaitTermination() {
    try {
      system.getWhenTerminated().toCompletableFuture().get();
    } catch (Exception e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The cluster's members that are up (at least this node): the nodes trading on shared keys. */
  private static int upMembers(final ActorSystem<?> system) {
    int up = 0;
    for (Member m : Cluster.get(system).state().getMembers()) {
      if (m.status() == MemberStatus.up() || m.status() == MemberStatus.weaklyUp()) {
        up++;
      }
    }
    return Math.max(1, up);
  }
}
