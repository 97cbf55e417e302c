package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.testkit.okx.OkxSimulator;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link PositionExecutorContract} on OKX: a whole node whose {@code okx} connector (credentials
 * configured) trades on the local OKX simulator; a lost answer is the private socket dropping
 * before it, the rate limit OKX's 50011.
 */
class OkxPositionExecutorTest extends PositionExecutorContract {
  @RegisterExtension
  static final OkxSimulatedNode OKX =
      OkxSimulatedNode.perClass(
          List.of("DOGE-USDT", "XRP-USDT", "ADA-USDT"), OkxPositionExecutorTest::feesAndBalance);

  OkxPositionExecutorTest() {
    super(OKX, "0.0008");
  }

  /** The markets not quoted yet; OKX's fees; 10000 USDT. */
  private static void feesAndBalance(final OkxSimulator sim) {
    sim.setFees("0.0008", "0.001");
    sim.setBalance("USDT", "10000");
  }

  /** OKX takes and fills the order, then the socket drops before its answer and pushes. */
  @Override
  Reconnected loseTheNextAnswer() {
    final int loginsBefore = OKX.sim().count("login");
    OKX.sim().dropOnNextOrder(OkxSimulator.Drop.AFTER_ORDER);
    return () -> assertEquals(loginsBefore + 1, OKX.sim().count("login"), "reconnected");
  }

  @Override
  String rateLimitTheNextOrder() {
    OKX.sim().rateLimitNextOrders(1);
    return "50011";
  }
}
