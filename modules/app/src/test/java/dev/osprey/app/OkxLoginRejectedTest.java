package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.okx.OkxSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node whose OKX keys are refused: it starts and serves as usual, and an executor on {@code okx}
 * shows OKX's login error (what to check) instead of hanging or trading on the paper twin.
 */
class OkxLoginRejectedTest {
  @RegisterExtension
  static final OkxSimulatedNode OKX =
      OkxSimulatedNode.perClass(List.of("DOGE-USDT"), OkxLoginRejectedTest::refusingLogins);

  /** DOGE-USDT quoted at 100; every login refused (as OKX refuses bad keys). */
  private static void refusingLogins(final OkxSimulator sim) {
    sim.setTicker("DOGE-USDT", "100", "100");
    sim.rejectLogins(true);
  }

  @Test
  void shouldShowOkxsLoginErrorOnAnExecutorOfOkx() throws Exception {
    assertEquals(1, OKX.sim().count("login:rejected"));
    final String id = OkxSimulatedNode.createPosition(OKX.node(), "okx", "DOGE-USDT");
    final JsonNode refused = OKX.node().awaitExecutor(id, n -> n.get("error_count").asInt() >= 1);
    final String error = refused.get("last_error").asText();
    assertTrue(error.contains("60009") && error.contains("OKX_API_KEY"), error);
    assertEquals("okx", refused.get("connector_name").asText());
    assertEquals(0, OKX.sim().count("order"));
    assertEquals(1, OKX.sim().count("login:rejected"), "a refused login is not retried");
  }
}
