package dev.osprey.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
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
import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.market.PaperTrade;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.position.PositionMode;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.EngineSettings;
import dev.osprey.engine.OspreyEngine;
import dev.osprey.engine.venue.Venues;
import dev.osprey.exchange.Contracts;
import dev.osprey.exchange.ExchangeConnector;
import dev.osprey.exchange.paper.MarketConfig;
import dev.osprey.exchange.paper.PaperExchange;
import dev.osprey.exchange.paper.PaperPersistence;
import dev.osprey.exchange.paper.RandomWalkFeed;
import dev.osprey.okx.OkxExchange;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Cancellable;
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
  private final Map<String, PaperExchange> paper;
  private final ServerBinding binding;
  private final AgentGateway agents;

  private OspreyNode(
      final ActorSystem<Void> system,
      final OspreyEngine engine,
      final AgentGateway agents,
      final Map<String, PaperExchange> paper,
      final ServerBinding binding) {
    this.system = system;
    this.engine = engine;
    this.agents = agents;
    this.paper = paper;
    this.binding = binding;
  }

  /**
   * Starts a node with the paper venues its config describes, restored from and saved to
   * {@code osprey.paper.state-dir} when that is set.
   */
  public static OspreyNode start(final Config config, final Clock clock) {
    final List<PaperPersistence> saved = new ArrayList<>();
    return start(config, clock, paperVenues(config, clock, saved), true, saved);
  }

  /**
   * Starts a node on the given paper venues (tests keep a venue across node restarts); nothing is
   * saved, the caller owns the venues.
   *
   * @param randomWalk whether the configured random-walk feed runs
   */
  public static OspreyNode start(
      final Config config, final Clock clock, final Map<String, PaperExchange> paper, final boolean randomWalk) {
    return start(config, clock, paper, randomWalk, List.of());
  }

  private static OspreyNode start(
      final Config config,
      final Clock clock,
      final Map<String, PaperExchange> paper,
      final boolean randomWalk,
      final List<PaperPersistence> saved) {
    // Before anything starts: a node without users outside local mode must not come up at all.
    final AuthSettings auth = AuthSettings.fromConfig(config.getConfig("osprey.auth"));
    final ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "osprey", config);
    try {
      auth.startupWarning().ifPresent(system.log()::warn);
      formCluster(system, config);
      final List<OkxExchange> okx =
          OkxVenue.start(config, () -> upMembers(system), LoggerFactory.getLogger(OkxVenue.class));
      final List<ExchangeConnector> connectors = new ArrayList<>(paper.values());
      connectors.addAll(okx);
      final EngineContext ctx = new EngineContext(
          new Venues(connectors), clock, Executors.standard(), EngineSettings.fromConfig(config));
      final OspreyEngine engine = OspreyEngine.start(system, ctx);
      final VenueCandles candles = new VenueCandles(ctx.venues());
      CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
          "close-venue-subscriptions", () -> {
            ApiReadiness.markNotReady(Adapter.toClassic(system));
            engine.close();
            candles.close();
            okx.forEach(OkxExchange::close);
            return CompletableFuture.completedFuture(Done.getInstance());
          });
      savePaperVenues(system, config, saved);
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
      if (randomWalk) {
        startRandomWalk(system, config, paper);
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

  /**
   * The paper venues of {@code osprey.paper}: each with its own book, fees and balances. With a
   * {@code state-dir} (relative to {@code osprey.home}), each venue resumes from {@code
   * <state-dir>/<name>.json} when that exists, else starts with the configured balances; {@code
   * saved} then receives one {@link PaperPersistence} per venue. An unreadable file stops the
   * start: starting empty would lose the orders the executors are about to ask about.
   */
  static Map<String, PaperExchange> paperVenues(
      final Config config, final Clock clock, final List<PaperPersistence> saved) {
    final Config c = config.getConfig("osprey.paper");
    final Map<String, BigDecimal> balances = new LinkedHashMap<>();
    for (Map.Entry<String, com.typesafe.config.ConfigValue> e : c.getConfig("balances").entrySet()) {
      balances.put(e.getKey(), new BigDecimal(e.getValue().unwrapped().toString()));
    }
    final String stateDir = c.hasPath("state-dir") ? c.getString("state-dir").trim() : "";
    final Path home = Path.of(System.getProperty("osprey.home", "."));
    final Path dir = stateDir.isEmpty() ? null : home.resolve(stateDir).toAbsolutePath().normalize();
    final Map<String, PaperExchange> out = new LinkedHashMap<>();
    for (String name : c.getStringList("connectors")) {
      final Config venue = c.hasPath("venues." + ConfigUtil.quoteString(name))
          ? c.getConfig("venues." + ConfigUtil.quoteString(name))
          : ConfigFactory.empty();
      final MarketConfig defaults = new MarketConfig(
          fee(venue, "maker-fee"), fee(venue, "taker-fee"), rules(venue));
      final Supplier<PaperExchange> fresh =
          () -> new PaperExchange(name, clock, defaults, balances);
      final PaperExchange exchange;
      if (dir == null) {
        exchange = fresh.get();
      } else {
        final PaperPersistence p =
            PaperPersistence.open(PaperPersistence.storeIn(dir, name), name, clock, fresh);
        saved.add(p);
        exchange = p.venue();
      }
      exchange.setContracts(contracts(name, venue));
      out.put(name, exchange);
    }
    return out;
  }

  /**
   * A venue's default trading rules: {@code min-order-size}, {@code min-notional}, {@code
   * price-increment} and {@code base-increment} where set (a twin takes its real venue's, so an
   * order is sized as the venue would take it), {@link TradingRules#DEFAULT}'s otherwise.
   */
  private static TradingRules rules(final Config venue) {
    final TradingRules d = TradingRules.DEFAULT;
    return new TradingRules(decimal(venue, "min-order-size", d.minOrderSize()),
        decimal(venue, "min-notional", d.minNotional()), decimal(venue, "price-increment", d.priceIncrement()),
        decimal(venue, "base-increment", d.baseIncrement()));
  }

  private static BigDecimal decimal(final Config venue, final String key, final BigDecimal fallback) {
    return venue.hasPath(key) ? new BigDecimal(venue.getString(key)) : fallback;
  }

  /** A venue's default fee rate (a fraction; absent is 0). */
  private static BigDecimal fee(final Config venue, final String key) {
    return venue.hasPath(key) ? new BigDecimal(venue.getString(key)) : BigDecimal.ZERO;
  }

  /** {@code perpetual = true} makes a perpetual venue, netting {@code position-mode} (ONE_WAY). */
  private static Contracts contracts(final String name, final Config venue) {
    if (!venue.hasPath("perpetual") || !venue.getBoolean("perpetual")) {
      if (venue.hasPath("position-mode")) {
        throw new IllegalArgumentException(
            "osprey.paper.venues." + name + ".position-mode needs perpetual = true");
      }
      return Contracts.SPOT;
    }
    final String mode = venue.hasPath("position-mode") ? venue.getString("position-mode") : "ONE_WAY";
    try {
      return Contracts.perpetual(PositionMode.valueOf(mode));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "osprey.paper.venues." + name + ".position-mode must be ONE_WAY or HEDGE, got " + mode);
    }
  }

  /**
   * Saves every persisted venue each {@code osprey.paper.save-interval} when it changed, and once
   * more at shutdown: in the last phase, after sharding stopped the executors, so the file holds
   * every fill they saw.
   */
  private static void savePaperVenues(
      final ActorSystem<Void> system, final Config config, final List<PaperPersistence> saved) {
    if (saved.isEmpty()) {
      return;
    }
    final Config c = config.getConfig("osprey.paper");
    final Duration interval =
        c.hasPath("save-interval") ? c.getDuration("save-interval") : Duration.ofSeconds(1);
    final Runnable saveAll = () -> {
      for (PaperPersistence p : saved) {
        try {
          p.saveIfChanged();
        } catch (RuntimeException e) {
          system.log().warn("cannot save paper venue {}: {}", p.venue().name(), e.toString());
        }
      }
    };
    final Cancellable schedule = system.scheduler().scheduleWithFixedDelay(
        interval, interval, saveAll, system.dispatchers().lookup(DispatcherSelector.blocking()));
    CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
        "save-paper-venues", () -> {
          schedule.cancel();
          saveAll.run();
          system.log().info("paper venues saved to {}", saved.get(0).store().file().getParent());
          return CompletableFuture.completedFuture(Done.getInstance());
        });
  }

  private static void startRandomWalk(
      final ActorSystem<Void> system, final Config config, final Map<String, PaperExchange> paper) {
    final Config c = config.getConfig("osprey.paper.random-walk");
    if (!c.getBoolean("enabled")) {
      return;
    }
    final Map<TradingPair, BigDecimal> start = new LinkedHashMap<>();
    for (Map.Entry<String, com.typesafe.config.ConfigValue> e : c.getConfig("pairs").entrySet()) {
      start.put(TradingPair.parse(e.getKey().replace("\"", "")), new BigDecimal(e.getValue().unwrapped().toString()));
    }
    final Duration interval = c.getDuration("interval");
    long seed = c.getLong("seed");
    for (PaperExchange venue : paper.values()) {
      final RandomWalkFeed feed = new RandomWalkFeed(venue, seed++, start, 5, new BigDecimal("0.0002"), null);
      feed.publish();
      system.scheduler().scheduleWithFixedDelay(interval, interval, feed::tick, system.executionContext());
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

  public PaperExchange paper(final String name) {
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
