package dev.osprey.domain.executor.arbitrage;

import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.market.ConnectorPair;
import java.math.BigDecimal;
import java.util.List;

/** Validation rules the two cross-venue configs (arbitrage, XEMM) share. */
public final class CrossVenueRules {
  private CrossVenueRules() {}

  /**
   * Both markets present, different, and trading interchangeable assets: the executor converts
   * nothing, so base and quote must both match (same symbol, W-wrapped, or both USD).
   */
  public static void markets(
      final List<FieldViolation> v, final ConnectorPair buying, final ConnectorPair selling) {
    if (buying == null) {
      v.add(new FieldViolation("buying_market", "is required ({connector_name, trading_pair})"));
    }
    if (selling == null) {
      v.add(new FieldViolation("selling_market", "is required ({connector_name, trading_pair})"));
    }
    if (buying == null || selling == null) {
      return;
    }
    if (buying.equals(selling)) {
      v.add(new FieldViolation("selling_market", "must differ from buying_market"));
    }
    if (!InterchangeableAssets.interchangeable(
        buying.tradingPair().base(), selling.tradingPair().base())) {
      v.add(new FieldViolation(
          "selling_market.trading_pair",
          "base asset must match buying_market's (same, W-wrapped, or both USD)"));
    }
    if (!InterchangeableAssets.interchangeable(
        buying.tradingPair().quote(), selling.tradingPair().quote())) {
      v.add(new FieldViolation(
          "selling_market.trading_pair",
          "quote asset must match buying_market's (same, W-wrapped, or both USD)"));
    }
  }

  /** A fee rate: a fraction in [0, 1) (0.001 = 0.1 %). */
  public static void feeRate(
      final List<FieldViolation> v, final String field, final BigDecimal rate) {
    if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
      v.add(new FieldViolation(field, "must be a fraction in [0, 1) (0.001 = 0.1%)"));
    }
  }
}
