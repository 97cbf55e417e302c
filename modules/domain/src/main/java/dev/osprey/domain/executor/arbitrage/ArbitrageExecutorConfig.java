package dev.osprey.domain.executor.arbitrage;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.osprey.domain.FieldViolation;
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
 * A two-venue arbitrage (reference {@code ArbitrageExecutorConfig}): buy {@code order_amount}
 * base at market on {@code buying_market} and sell it at market on {@code selling_market} as soon
 * as the spread beats {@code min_profitability} after fees.
 *
 * <p>Osprey additions, both optional and defaulting to 0: {@code buying_fee_pct} and {@code
 * selling_fee_pct}, the taker fee rates (fractions) of the two venues used for profitability
 * (the reference asks its connectors; the domain has no fee schedule, so the engine or the user
 * supplies them). {@code gas_conversion_price} is accepted as in the reference and reported, but
 * unused: no Osprey venue charges gas yet.
 *
 * <p>The primary market ({@link #connectorName()}, {@link #tradingPair()}) is the buying market;
 * {@link #side()} is BUY (the leg on the primary market).
 */
@JsonTypeName(ArbitrageExecutorConfig.TYPE)
public record ArbitrageExecutorConfig(
    String id,
    String controllerId,
    Instant timestamp,
    ConnectorPair buyingMarket,
    ConnectorPair sellingMarket,
    Quantity orderAmount,
    BigDecimal minProfitability,
    BigDecimal gasConversionPrice,
    BigDecimal buyingFeePct,
    BigDecimal sellingFeePct)
    implements CrossVenueConfig {

  public static final String TYPE = "arbitrage_executor";

  public ArbitrageExecutorConfig {
    buyingFeePct = buyingFeePct == null ? BigDecimal.ZERO : buyingFeePct;
    sellingFeePct = sellingFeePct == null ? BigDecimal.ZERO : sellingFeePct;
  }

  /** BUY: the leg on the primary (buying) market. */
  @Override
  public Side side() {
    return Side.BUY;
  }

  @Override
  public List<FieldViolation> validate() {
    final List<FieldViolation> v = new ArrayList<>();
    CrossVenueRules.markets(v, buyingMarket, sellingMarket);
    if (orderAmount == null || !orderAmount.isPositive()) {
      v.add(new FieldViolation("order_amount", "must be a positive base amount"));
    }
    if (minProfitability == null) {
      v.add(new FieldViolation("min_profitability", "is required (a fraction, 0.01 = 1%)"));
    }
    if (gasConversionPrice != null && gasConversionPrice.signum() <= 0) {
      v.add(new FieldViolation("gas_conversion_price", "must be positive when given"));
    }
    CrossVenueRules.feeRate(v, "buying_fee_pct", buyingFeePct);
    CrossVenueRules.feeRate(v, "selling_fee_pct", sellingFeePct);
    return v;
  }

  @Override
  public ArbitrageExecutorConfig withIdentity(
      final String newId, final String controller, final Instant at) {
    return new ArbitrageExecutorConfig(
        newId, controller, at, buyingMarket, sellingMarket, orderAmount, minProfitability,
        gasConversionPrice, buyingFeePct, sellingFeePct);
  }

  /** {@code order_amount × mid}: the notional of one leg. */
  @Override
  public Optional<QuoteAmount> plannedExposure(final Optional<Price> mid) {
    return orderAmount == null ? Optional.empty() : mid.map(p -> p.times(orderAmount));
  }
}
