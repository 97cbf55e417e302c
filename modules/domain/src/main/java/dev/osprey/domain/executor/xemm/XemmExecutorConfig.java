package dev.osprey.domain.executor.xemm;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.arbitrage.CrossVenueConfig;
import dev.osprey.domain.executor.arbitrage.CrossVenueRules;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cross-exchange market making (reference {@code XEMMExecutorConfig}): rest a maker order for
 * {@code order_amount} base on one venue, priced off the other venue's taker price, and hedge it
 * there at market once it filled. {@code maker_side} BUY makes on the buying market and takes
 * (sells) on the selling market; SELL makes on the selling market and takes (buys) on the buying
 * market. Profitabilities are fractions, {@code min < target < max}.
 *
 * <p>Osprey additions, both optional and defaulting to 0: {@code maker_fee_pct} (the maker
 * venue's maker fee rate) and {@code taker_fee_pct} (the taker venue's taker fee rate), the fee
 * rates used for profitability; the reference asks its connectors, the domain has no fee
 * schedule, so the engine or the user supplies them.
 *
 * <p>The primary market ({@link #connectorName()}, {@link #tradingPair()}) is the buying market;
 * {@link #side()} is {@code maker_side}.
 */
@JsonTypeName(XemmExecutorConfig.TYPE)
public record XemmExecutorConfig(
    String id,
    String controllerId,
    Instant timestamp,
    ConnectorPair buyingMarket,
    ConnectorPair sellingMarket,
    Side makerSide,
    Quantity orderAmount,
    BigDecimal minProfitability,
    BigDecimal targetProfitability,
    BigDecimal maxProfitability,
    BigDecimal makerFeePct,
    BigDecimal takerFeePct)
    implements CrossVenueConfig {

  public static final String TYPE = "xemm_executor";

  public XemmExecutorConfig {
    makerFeePct = makerFeePct == null ? BigDecimal.ZERO : makerFeePct;
    takerFeePct = takerFeePct == null ? BigDecimal.ZERO : takerFeePct;
  }

  /** The maker side: the side of the order that rests. */
  @Override
  public Side side() {
    return makerSide;
  }

  /** Where the maker order rests: the buying market for a maker BUY, else the selling market. */
  public ConnectorPair makerMarket() {
    return makerSide == Side.BUY ? buyingMarket : sellingMarket;
  }

  /** Where the hedge trades at market: the other market. */
  public ConnectorPair takerMarket() {
    return makerSide == Side.BUY ? sellingMarket : buyingMarket;
  }

  /** The side of the hedge. */
  public Side takerSide() {
    return makerSide.opposite();
  }

  /** {@code tx_pct}: the fees of both legs as a fraction of the traded amount. */
  public BigDecimal txPct() {
    return makerFeePct.add(takerFeePct);
  }

  @Override
  public List<FieldViolation> validate() {
    final List<FieldViolation> v = new ArrayList<>();
    CrossVenueRules.markets(v, buyingMarket, sellingMarket);
    if (makerSide == null) {
      v.add(new FieldViolation("maker_side", "is required (BUY or SELL)"));
    }
    if (orderAmount == null || !orderAmount.isPositive()) {
      v.add(new FieldViolation("order_amount", "must be a positive base amount"));
    }
    required(v, "min_profitability", minProfitability);
    required(v, "target_profitability", targetProfitability);
    required(v, "max_profitability", maxProfitability);
    if (minProfitability != null && targetProfitability != null
        && minProfitability.compareTo(targetProfitability) >= 0) {
      v.add(new FieldViolation("min_profitability", "must be below target_profitability"));
    }
    if (targetProfitability != null && maxProfitability != null
        && targetProfitability.compareTo(maxProfitability) >= 0) {
      v.add(new FieldViolation("max_profitability", "must be above target_profitability"));
    }
    CrossVenueRules.feeRate(v, "maker_fee_pct", makerFeePct);
    CrossVenueRules.feeRate(v, "taker_fee_pct", takerFeePct);
    if (makerSide == Side.SELL && targetProfitability != null
        && targetProfitability.add(txPct()).compareTo(BigDecimal.ONE) >= 0) {
      // The maker SELL target is taker / (1 − target − tx_pct): it must have a positive divisor.
      v.add(new FieldViolation(
          "target_profitability", "plus maker_fee_pct and taker_fee_pct must stay below 1"));
    }
    return v;
  }

  private static void required(
      final List<FieldViolation> v, final String field, final BigDecimal x) {
    if (x == null) {
      v.add(new FieldViolation(field, "is required (a fraction, 0.01 = 1%)"));
    }
  }

  @Override
  public XemmExecutorConfig withIdentity(
      final String newId, final String controller, final Instant at) {
    return new XemmExecutorConfig(
        newId, controller, at, buyingMarket, sellingMarket, makerSide, orderAmount,
        minProfitability, targetProfitability, maxProfitability, makerFeePct, takerFeePct);
  }

  /** {@code order_amount × mid}: the notional of one leg. */
  @Override
  public Optional<QuoteAmount> plannedExposure(final Optional<Price> mid) {
    return orderAmount == null ? Optional.empty() : mid.map(p -> p.times(orderAmount));
  }
}
