package dev.osprey.okx;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instruments one OKX connector trades, as listed at start: their ids, the numeric codes the
 * WebSocket trading ops take, their rules, and for swaps the contract value. Osprey sizes are in
 * base everywhere; OKX sizes a swap in contracts of {@code ctVal} base, so sizes cross this class on
 * the way out ({@link #contracts}) and on the way in ({@link #inBase}). For spot both are identity.
 */
final class OkxInstruments {
  /** One listed instrument. */
  record Listed(
      String instId, TradingPair pair, BigDecimal contractValue, Long code, TradingRules rules) {}

  final OkxProduct product;
  private final Map<String, Listed> byInstId = new ConcurrentHashMap<>();
  private final Map<TradingPair, Listed> byPair = new ConcurrentHashMap<>();

  OkxInstruments(final OkxProduct product) {
    this.product = product;
  }

  /** Lists what OKX's instruments answer holds (other products' instruments are skipped). */
  void load(final List<OkxMessages.InstrumentData> instruments) {
    for (OkxMessages.InstrumentData i : instruments) {
      if (!isOfProduct(i.instId())) {
        continue;
      }
      final TradingPair pair = OkxMarkets.pair(i.instId()).orElseThrow();
      final BigDecimal ctVal =
          product == OkxProduct.SWAP ? OkxJson.decimalOrZero(i.ctVal()) : BigDecimal.ONE;
      if (ctVal.signum() <= 0) {
        continue; // a swap without a contract value cannot be sized
      }
      final Listed listed =
          new Listed(
              i.instId(),
              pair,
              ctVal,
              OkxMarkets.instIdCode(i).orElse(null),
              OkxMarkets.rules(i, ctVal));
      byInstId.put(listed.instId(), listed);
      byPair.put(listed.pair(), listed);
    }
  }

  /** True if {@code instId} is an instrument of this connector's product (spot or swap). */
  boolean isOfProduct(final String instId) {
    return OkxMarkets.pair(instId).map(p -> product.instId(p).equals(instId)).orElse(false);
  }

  /** The instrument id of {@code pair} in this connector's product. */
  String instId(final TradingPair pair) {
    return product.instId(pair);
  }

  Optional<TradingRules> rules(final TradingPair pair) {
    return Optional.ofNullable(byPair.get(pair)).map(Listed::rules);
  }

  /** OKX's numeric code of {@code instId}, or null when it listed none. */
  Long code(final String instId) {
    final Listed l = byInstId.get(instId);
    return l == null ? null : l.code();
  }

  /** Base per unit of OKX's size on {@code instId}: a swap's {@code ctVal}, 1 for spot. */
  BigDecimal contractValue(final String instId) {
    final Listed l = byInstId.get(instId);
    return l == null ? BigDecimal.ONE : l.contractValue();
  }

  /**
   * {@code base} as OKX's size on {@code instId} (spot: itself, as written).
   *
   * @throws IllegalArgumentException if it is not a whole multiple of the contract size
   */
  BigDecimal contracts(final String instId, final BigDecimal base) {
    if (product == OkxProduct.SPOT) {
      return base;
    }
    final BigDecimal ctVal = contractValue(instId);
    final BigDecimal[] qr = base.divideAndRemainder(ctVal);
    if (qr[1].signum() != 0) {
      throw new IllegalArgumentException(
          base.toPlainString()
              + " is not a whole number of "
              + instId
              + " contracts of "
              + ctVal.toPlainString());
    }
    return qr[0].stripTrailingZeros();
  }

  /** An OKX size on {@code instId} in base; blank stays blank. */
  String inBase(final String instId, final String okxSize) {
    final BigDecimal size = OkxJson.decimal(okxSize);
    final BigDecimal ctVal = contractValue(instId);
    if (size == null || ctVal.compareTo(BigDecimal.ONE) == 0) {
      return okxSize;
    }
    return size.multiply(ctVal).toPlainString();
  }

  /** {@code d} with its sizes in base. */
  OkxMessages.OrderData inBase(final OkxMessages.OrderData d) {
    final String i = d.instId();
    return d.withSizes(inBase(i, d.sz()), inBase(i, d.accFillSz()), inBase(i, d.fillSz()));
  }

  /** {@code f} with its size in base. */
  OkxMessages.FillData inBase(final OkxMessages.FillData f) {
    return f.withSize(inBase(f.instId(), f.fillSz()));
  }
}
