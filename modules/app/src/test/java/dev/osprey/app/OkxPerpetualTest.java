package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertNumbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.okx.OkxSimulator;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance: OKX perpetual swaps for the position executor's {@code leverage}. A node with OKX
 * credentials trades swaps as {@code okx_perpetual} on the local simulator: the leverage is set on
 * the instrument before the first order, sizes go out in contracts, the closing order is reduce
 * only, and the figures are the paper venue's for the same quotes and fees.
 */
class OkxPerpetualTest {
  @RegisterExtension
  static final OkxSimulatedNode OKX = OkxSimulatedNode.withSwaps(OkxPerpetualTest::swaps);

  /** BTC and ETH swaps as OKX lists them (contracts of 0.01 BTC, 0.1 ETH); OKX's swap fees. */
  private static void swaps(final OkxSimulator sim) {
    sim.listInstrument("BTC-USDT", "0.1", "0.00000001", "0.00001");
    sim.listSwap("BTC-USDT-SWAP", "0.1", "1", "1", "0.01");
    sim.listSwap("ETH-USDT-SWAP", "0.01", "1", "1", "0.1");
    sim.setFees("0.0002", "0.0005");
    sim.setBalance("USDT", "10000");
  }

  private static String createPosition(
      final String connector, final String pair, final String amount, final int leverage)
      throws Exception {
    final HttpResponse<String> created =
        OKX.node()
            .send(
                "POST",
                "/executors/",
                """
                {"controller_id": "okx-swaps", "executor_config": {
                  "type": "position_executor", "connector_name": "%s", "trading_pair": "%s",
                  "side": "BUY", "amount": "%s", "leverage": %d,
                  "triple_barrier_config": {"take_profit": "0.02", "stop_loss": "0.01", "open_order_type": "MARKET"}}}\
                """
                    .formatted(connector, pair, amount, leverage));
    assertEquals(201, created.statusCode(), created.body());
    return HttpNode.json(created).get("executor_id").asText();
  }

  @Test
  void shouldTakeProfitOnSwapsAtTheLeverageAskedWithThePaperFigures() throws Exception {
    assertEquals(
        200,
        OKX.node()
            .send(
                "PUT",
                "/paper/markets/BTC-USDT",
                "{\"taker_fee\": \"0.0005\", \"maker_fee\": \"0.0002\", \"min_order_size\":"
                    + " \"0.001\"}")
            .statusCode());
    OKX.node().send("POST", "/paper/markets/BTC-USDT/quote", "{\"price\": \"100\"}");
    OKX.sim().setTicker("BTC-USDT-SWAP", "100", "100");

    final String onPaper = createPosition("paper", "BTC-USDT", "0.05", 5);
    final String onOkx = createPosition("okx_perpetual", "BTC-USDT", "0.05", 5);
    OKX.node().awaitExecutor(onPaper, n -> n.get("is_trading").asBoolean());
    OKX.node().awaitExecutor(onOkx, n -> n.get("is_trading").asBoolean());
    assertEquals("5", OKX.sim().leverage("BTC-USDT-SWAP"), "set before the opening order");

    final JsonNode[] closedBoth =
        OKX.quoteAndAwaitEnd("BTC-USDT", "BTC-USDT-SWAP", "103", "103.1", onPaper, onOkx);
    final JsonNode okx = closedBoth[1];
    for (JsonNode closed : closedBoth) {
      assertEquals("TAKE_PROFIT", closed.get("close_type").asText(), closed::toString);
      // Entry 0.05 @ 100 (taker 0.05 %: 0.0025), exit 0.05 @ bid 103 (0.002575): 0.15 gross.
      assertNumbers(closed, "0.144925", "0.005075", "10.15");
    }
    assertEquals("okx_perpetual", okx.get("config").get("connector_name").asText());
    assertEquals(5, okx.get("config").get("leverage").asInt());
    assertEquals(1, OKX.sim().count("set-leverage:BTC-USDT-SWAP:5"), "set once, not per order");
    assertEquals(2, OKX.sim().count("order:tdMode:cross"));
    assertEquals(1, OKX.sim().count("order:reduceOnly"), "the take profit only closes");
    for (Map<String, String> o : OKX.sim().orders()) {
      assertEquals("5", o.get("sz"), "0.05 BTC is 5 contracts of 0.01: " + o);
      assertEquals("BTC-USDT-SWAP", o.get("instId"));
    }
  }

  @Test
  void shouldRefuseTheOrderWithOkxsReasonWhenOkxRefusesTheLeverage() throws Exception {
    OKX.sim().setTicker("ETH-USDT-SWAP", "2000", "2000.1");
    OKX.sim().refuseLeverage("ETH-USDT-SWAP", "59102", "Leverage exceeds the maximum leverage");
    final String id = createPosition("okx_perpetual", "ETH-USDT", "0.3", 150);
    final JsonNode failed = OKX.awaitFirstError(id);
    final String error = failed.get("last_error").asText();
    assertTrue(
        error.contains("leverage 150 not set on ETH-USDT-SWAP")
            && error.contains("59102 Leverage exceeds the maximum leverage"),
        error);
    assertEquals(
        0,
        OKX.sim().orders().stream().filter(o -> o.get("instId").startsWith("ETH")).count(),
        "no order at a leverage nobody asked for");
  }
}
