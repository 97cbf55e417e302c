package dev.osprey.testkit.okx;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The instruments the simulated OKX lists, by instId, each with the {@code instIdCode} OKX's
 * WebSocket trading ops may name it by. Guarded by the venue's lock.
 */
final class SimInstruments {
  /**
   * A listed instrument; {@code instIdCode} is the number OKX's WebSocket trading ops name it by.
   */
  record Instrument(
      String instId,
      BigDecimal tickSz,
      BigDecimal lotSz,
      BigDecimal minSz,
      long instIdCode,
      BigDecimal ctVal) {
    /** A swap (sized in contracts of {@code ctVal} base), or spot when {@code ctVal} is null. */
    boolean isSwap() {
      return ctVal != null;
    }
  }

  private final Map<String, Instrument> byId = new LinkedHashMap<>();
  private final SimCounters counters;

  /**
   * @param counters where the ops' ways of naming an instrument are counted
   */
  SimInstruments(final SimCounters counters) {
    this.counters = counters;
  }

  /** Lists a spot instrument, or a swap when {@code ctVal} is not null (relisted: same code). */
  void list(
      final String instId,
      final BigDecimal tickSz,
      final BigDecimal lotSz,
      final BigDecimal minSz,
      final BigDecimal ctVal) {
    final Instrument known = byId.get(instId);
    final long code = known != null ? known.instIdCode() : 10_000 + byId.size() + 1;
    byId.put(instId, new Instrument(instId, tickSz, lotSz, minSz, code, ctVal));
  }

  /** The instrument {@code instId}, or null when not listed. */
  Instrument get(final String instId) {
    return byId.get(instId);
  }

  Collection<Instrument> all() {
    return byId.values();
  }

  /**
   * The instrument an op names: by {@code instIdCode} (counted as {@code op-by:instIdCode}) or
   * {@code instId} ({@code op-by:instId}); null when it names none. An unknown code gives "".
   */
  String instIdOf(final JsonNode a) {
    if (a.hasNonNull("instIdCode")) {
      counters.increment("op-by:instIdCode");
      final long code = a.path("instIdCode").asLong();
      for (Instrument i : byId.values()) {
        if (i.instIdCode() == code) {
          return i.instId();
        }
      }
      return "";
    }
    if (a.hasNonNull("instId")) {
      counters.increment("op-by:instId");
      return a.path("instId").asText();
    }
    return null;
  }
}
