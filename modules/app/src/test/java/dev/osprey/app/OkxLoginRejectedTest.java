package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.ManualClock;
import dev.osprey.testkit.okx.OkxSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node whose OKX keys are refused: it starts and serves as usual, and an executor on {@code okx}
 * shows OKX's login error (what to check) instead of hanging or trading on the paper twin.
 */
class OkxLoginRejectedTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-02T12:00:00Z");
  private static OkxSimulator sim;
  private static HttpNode node;

  @BeforeAll
  static void start() {
    sim = OkxSimulator.start();
    sim.listInstrument("DOGE-USDT", "0.1", "0.001", "0.001");
    sim.setTicker("DOGE-USDT", "100", "100");
    sim.rejectLogins(true);
    node = OkxSimulatedNode.start(CLOCK, sim);
  }

  @AfterAll
  static void stop() {
    node.close();
    sim.close();
  }

  @Test
  void shouldShowOkxsLoginErrorOnAnExecutorOfOkx() throws Exception {
    assertEquals(1, sim.count("login:rejected"));
    final String id = OkxSimulatedNode.createPosition(node, "okx", "DOGE-USDT");
    final JsonNode refused = node.awaitExecutor(id, n -> n.get("error_count").asInt() >= 1);
    final String error = refused.get("last_error").asText();
    assertTrue(error.contains("60009") && error.contains("OKX_API_KEY"), error);
    assertEquals("okx", refused.get("connector_name").asText());
    assertEquals(0, sim.count("order"));
    assertEquals(1, sim.count("login:rejected"), "a refused login is not retried");
  }
}
