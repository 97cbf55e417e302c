package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.osprey.agent.AgentDefinition;
import dev.osprey.agent.files.AgentMd;
import dev.osprey.agent.files.JournalMd;
import dev.osprey.agent.journal.TickLine;
import dev.osprey.agent.journal.TickOutcome;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.engine.agent.AgentFiles;
import dev.osprey.engine.agent.AgentGateway;
import dev.osprey.engine.agent.AgentProtocol.SessionAction;
import dev.osprey.engine.agent.AgentSession;
import dev.osprey.engine.agent.AgentView;
import dev.osprey.testkit.ManualClock;
import dev.osprey.testkit.cassandra.TestCassandra;
import dev.osprey.testkit.llm.StubChatServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node dies in the middle of two agents' sessions, one of them inside a tick (its model has not
 * answered). A new node on the same Cassandra data resumes both sessions by itself, with the same
 * session numbers: the interrupted tick is recorded as failed and not run again, no tick appears
 * twice, and each agent ticks at once after the downtime (no gap beyond it, no catch-up burst).
 */
class AgentRestartIT {
  private static final ManualClock CLOCK = ManualClock.at("2026-04-02T10:00:00Z");
  private static final TradingPair PAIR = TradingPair.parse("SOL-USDC");
  private static final StubChatServer STUB = new StubChatServer();
  private static ActorTestKit probes;

  @BeforeAll
  static void probes() {
    probes = ActorTestKit.create("agent-restart-probes");
  }

  @AfterAll
  static void stop() {
    probes.shutdownTestKit();
    STUB.close();
  }

  private static AgentDefinition agent(final String slug, final String policy) {
    return AgentMd.parse(slug, "---\nname: " + slug + "\npolicy: " + policy + "\ntick_interval: 60\n"
        + "connectors: [paper]\nconfigs:\n  trading_pair: SOL-USDC\n"
        + "limits:\n  max_position_size_quote: 500\n  max_single_order_quote: 100\n---\n\n## Goal\nMake markets.\n",
        Set.of("grid_market_maker"));
  }

  private static AgentView await(final AgentGateway agents, final String id, final Predicate<AgentSession> done) {
    return probes.createTestProbe().awaitAssert(Duration.ofSeconds(60), Duration.ofMillis(50), () -> {
      final AgentView v;
      try {
        v = agents.get(id).toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      final AgentSession s = v.state().current().orElseThrow();
      assertTrue(done.test(s), () -> id + " not yet: ticks " + s.ticks() + ", open " + s.tickOpen());
      return v;
    });
  }

  private static List<Long> journalTicks(final AgentView v) {
    final AgentSession s = v.state().current().orElseThrow();
    return JournalMd.tickNumbers(JournalMd.render(AgentFiles.sessionJournal(v.state(), s, v.numbers(), v.notes())));
  }

  @Test
  void shouldResumeEverySessionAfterTheNodeDiesWithNoTickTwice() throws Exception {
    final Config config = ConfigFactory.parseString("osprey.agents.tick-check-interval = 20ms\n"
            + "osprey.llm { model = \"stub-model\", base-url = \"" + STUB.baseUrl() + "\" }")
        .withFallback(CassandraNodeConfig.of(PaperTestVenue.holding("USDC", "100000")
            .withFallback(ConfigFactory.parseString(TestCassandra.get().pekkoConfig("agentrestart")))));
    STUB.thenSilence();

    final OspreyNode first = OspreyNode.start(config, CLOCK);
    try {
      PaperTestVenue.quote(first, PAIR, "149.95", "150.05");
      final AgentGateway agents = first.agents();
      for (AgentDefinition d : List.of(agent("grid", "grid_market_maker"), agent("thinker", "llm"))) {
        agents.create(d, "ops").toCompletableFuture().get(60, TimeUnit.SECONDS);
        agents.session(d.slug(), SessionAction.START, "ops").toCompletableFuture().get(60, TimeUnit.SECONDS);
      }
      await(agents, "grid", s -> s.ticks().size() == 1);
      await(agents, "thinker", s -> s.tickOpen() && s.lastTick() == 1);   // waiting for its model
      // ... and its call is at the model (the silent answer is taken), not still on its way there.
      probes.createTestProbe().awaitAssert(Duration.ofSeconds(30), Duration.ofMillis(20), () -> {
        assertEquals(1, STUB.requests().size());
        return null;
      });
      CLOCK.advance(Duration.ofSeconds(60));
      await(agents, "grid", s -> s.ticks().size() == 2);
    } finally {
      first.stop();
    }

    CLOCK.advance(Duration.ofMinutes(5));                 // the node is down for five minutes
    final Instant restart = CLOCK.instant();
    STUB.thenText("Holding after the restart.", 10, 10);
    final OspreyNode second = OspreyNode.start(config, CLOCK);
    try {
      final AgentGateway agents = second.agents();
      final AgentView grid = await(agents, "grid", s -> s.ticks().size() == 3);
      final AgentSession g = grid.state().current().orElseThrow();
      assertEquals(1, g.number(), "the same session goes on");
      assertEquals(List.of(1L, 2L, 3L), journalTicks(grid));
      assertEquals(restart, g.ticks().get(2).at(), "one tick at once after the downtime, none for the missed minutes");

      final AgentView thinker = await(agents, "thinker", s -> s.ticks().size() == 2);
      final List<TickLine> t = thinker.state().current().orElseThrow().ticks();
      assertEquals(1, thinker.state().current().orElseThrow().number());
      assertEquals(List.of(1L, 2L), journalTicks(thinker));
      assertEquals(TickOutcome.FAILED, t.get(0).outcome());
      assertTrue(t.get(0).summary().startsWith("interrupted"), t.get(0).summary());
      assertEquals(TickOutcome.OK, t.get(1).outcome(), t.get(1).summary());
      assertEquals("Holding after the restart.", t.get(1).summary());
      assertEquals(restart, t.get(1).at());
      assertEquals(2, STUB.requests().size(), "the interrupted tick's model call was not made again");
    } finally {
      second.stop();
    }
  }
}
