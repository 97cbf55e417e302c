package dev.osprey.app;

import dev.osprey.testkit.binance.BinanceSimulator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link PositionExecutorContract} on Binance: a whole node whose {@code binance} connector
 * (credentials configured) trades on the local Binance simulator; a lost answer is a 503 -1007
 * with the user-data stream dropped, the rate limit a 429 (-1015).
 */
class BinancePositionExecutorTest extends PositionExecutorContract {
  @RegisterExtension
  static final BinanceSimulatedNode BINANCE =
      BinanceSimulatedNode.perClass(
          List.of("DOGE-USDT", "XRP-USDT", "ADA-USDT"),
          BinancePositionExecutorTest::feesAndBalance);

  BinancePositionExecutorTest() {
    super(BINANCE, "0.001");
  }

  /** The markets not quoted yet; Binance's default fees; 10000 USDT. */
  private static void feesAndBalance(final BinanceSimulator sim) {
    sim.setFees("0.001", "0.001");
    sim.setBalance("USDT", "10000");
  }

  /** Binance takes and fills the order; its answer (503 -1007) and reports are lost. */
  @Override
  Reconnected loseTheNextAnswer() {
    final int connectsBefore = BINANCE.sim().count("connect:user");
    BINANCE.sim().loseAnswerOfNextOrders(1);
    BINANCE.sim().dropUserStreamOnNextOrder();
    return () -> BINANCE.sim().await("connect:user", connectsBefore + 1).get(10, TimeUnit.SECONDS);
  }

  @Override
  String rateLimitTheNextOrder() {
    BINANCE.sim().rateLimitNextOrders(1, 0);
    return "-1015";
  }
}
