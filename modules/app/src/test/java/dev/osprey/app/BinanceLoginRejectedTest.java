package dev.osprey.app;

import dev.osprey.testkit.binance.BinanceSimulator;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LoginRejectedContract} on Binance: every signed request refused with -2015. */
class BinanceLoginRejectedTest extends LoginRejectedContract {
  @RegisterExtension
  static final BinanceSimulatedNode BINANCE =
      BinanceSimulatedNode.perClass(List.of("DOGE-USDT"), BinanceLoginRejectedTest::refusingKeys);

  BinanceLoginRejectedTest() {
    super(BINANCE, "rejected-key", "-2015", "BINANCE_API_KEY");
  }

  /** DOGEUSDT quoted at 100; every signed request refused (as Binance refuses a bad key). */
  private static void refusingKeys(final BinanceSimulator sim) {
    sim.setTicker("DOGEUSDT", "100", "100");
    sim.rejectKeys(true);
  }
}
