package dev.osprey.app;

import dev.osprey.testkit.okx.OkxSimulator;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LoginRejectedContract} on OKX: every WebSocket login refused with 60009. */
class OkxLoginRejectedTest extends LoginRejectedContract {
  @RegisterExtension
  static final OkxSimulatedNode OKX =
      OkxSimulatedNode.perClass(List.of("DOGE-USDT"), OkxLoginRejectedTest::refusingLogins);

  OkxLoginRejectedTest() {
    super(OKX, "login:rejected", "60009", "OKX_API_KEY");
  }

  /** DOGE-USDT quoted at 100; every login refused (as OKX refuses bad keys). */
  private static void refusingLogins(final OkxSimulator sim) {
    sim.setTicker("DOGE-USDT", "100", "100");
    sim.rejectLogins(true);
  }
}
