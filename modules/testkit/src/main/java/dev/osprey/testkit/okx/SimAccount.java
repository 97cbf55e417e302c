package dev.osprey.testkit.okx;

import static dev.osprey.testkit.okx.SimMessages.ok;
import static dev.osprey.testkit.okx.SimMessages.write;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated OKX account's settings for swaps: its position mode and the leverage set per
 * instrument. Guarded by the venue's lock.
 */
final class SimAccount {
  private final Map<String, String> leverage = new LinkedHashMap<>();
  private boolean hedgeMode;
  private final Map<String, String> leverageRefusals = new LinkedHashMap<>();

  /** OKX's {@code posMode}. */
  String posMode() {
    return hedgeMode ? "long_short_mode" : "net_mode";
  }

  void hedgeMode(final boolean on) {
    hedgeMode = on;
  }

  /** From now on refuses {@code set-leverage} on {@code instId} with {@code code:msg}. */
  void refuseLeverage(final String instId, final String codeAndMessage) {
    leverageRefusals.put(instId, codeAndMessage);
  }

  /** The leverage set on {@code instId}, or null. */
  String leverage(final String instId) {
    return leverage.get(instId);
  }

  /** The answer of {@code POST /api/v5/account/set-leverage}. */
  String setLeverage(final String instId, final String lever, final String mgnMode) {
    final String refusal = leverageRefusals.get(instId);
    if (refusal != null) {
      final String[] codeMsg = refusal.split(":", 2);
      return write(Map.of("code", codeMsg[0], "msg", codeMsg[1], "data", List.of()));
    }
    if (!"cross".equals(mgnMode) && !"isolated".equals(mgnMode)) {
      return write(Map.of("code", "51000", "msg", "Parameter mgnMode error", "data", List.of()));
    }
    leverage.put(instId, lever);
    final Map<String, String> row = new LinkedHashMap<>();
    row.put("instId", instId);
    row.put("lever", lever);
    row.put("mgnMode", mgnMode);
    row.put("posSide", "");
    return ok(List.of(row));
  }
}
