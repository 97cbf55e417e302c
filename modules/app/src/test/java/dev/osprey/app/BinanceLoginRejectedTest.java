package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.binance.BinanceSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node whose Binance key is refused: it starts and serves as usual, and an executor on {@code
 * binance} shows Binance's error (what to check) instead of hanging or trading on the paper twin.
 */
class BinanceLoginRejectedTest {
  @RegisterExtension
  static final BinanceSimulatedNode BINANCE =
      BinanceSimulatedNode.perClass(List.of("DOGE-USDT"), BinanceLoginRejectedTest::refusingKeys);

  /** DOGEUSDT quoted at 100; every signed request refused (as Binance refuses a bad key). */
  private static void refusingKeys(final BinanceSimulator sim) {
    sim.setTicker("DOGEUSDT", "100", "100");
    sim.rejectKeys(true);
  }

  @Test
  void shouldShowBinancesKeyErrorOnAnExecutorOfBinance() throws Exception {
    assertEquals(1, BINANCE.sim().count("rejected-key"));
    final String id = SimulatedVenueNode.createPosition(BINANCE.node(), "binance", "DOGE-USDT");
    final JsonNode refused =
        BINANCE.node().awaitExecutor(id, n -> n.get("error_count").asInt() >= 1);
    final String error = refused.get("last_error").asText();
    assertTrue(error.contains("-2015") && error.contains("BINANCE_API_KEY"), error);
    assertEquals("binance", refused.get("connector_name").asText());
    assertEquals(0, BINANCE.sim().count("order"));
    assertEquals(1, BINANCE.sim().count("rejected-key"), "a refused key is not retried");
  }
}
