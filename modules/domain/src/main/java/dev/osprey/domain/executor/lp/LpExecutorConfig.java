package dev.osprey.domain.executor.lp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.ConfigChecks;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A concentrated-liquidity position over {@code [lower_price, upper_price]} (reference {@code
 * LPExecutorConfig}, master fields plus the spec's {@code auto_close_*_range_seconds}), simulated
 * on the paper side against the mid of {@code (connector_name, trading_pair)}.
 *
 * <p>{@code side} (JSON name; {@link #lpSide()} here, because {@link #side()} is the trade side
 * every config reports) says which amounts are deposited: BUY quote only, SELL base only, RANGE
 * both. Osprey's simulation knobs: {@code fee_tier} (fraction of the swapped amount the position
 * earns, default 0.003) and {@code tx_fee_quote} (charged once on open and once on close, default
 * 0). {@code lp_provider}, {@code swap_provider}, {@code pool_address} and {@code extra_params} are
 * accepted as the reference sends them and only reported.
 */
@JsonTypeName(LpExecutorConfig.TYPE)
public record LpExecutorConfig(
    String id,
    String controllerId,
    Instant timestamp,
    String connectorName,
    TradingPair tradingPair,
    String poolAddress,
    String lpProvider,
    String swapProvider,
    Price lowerPrice,
    Price upperPrice,
    Quantity baseAmount,
    QuoteAmount quoteAmount,
    @JsonProperty("side") LpSide lpSide,
    Price upperLimitPrice,
    Price lowerLimitPrice,
    Long autoCloseAboveRangeSeconds,
    Long autoCloseBelowRangeSeconds,
    BigDecimal feeTier,
    QuoteAmount txFeeQuote,
    Boolean keepPosition,
    Map<String, Object> extraParams)
    implements ExecutorConfig {

  public static final String TYPE = "lp_executor";

  /** The fee tier of the simulated pool when none is configured (0.3 %). */
  public static final BigDecimal DEFAULT_FEE_TIER = new BigDecimal("0.003");

  public LpExecutorConfig {
    baseAmount = baseAmount == null ? Quantity.ZERO : baseAmount;
    quoteAmount = quoteAmount == null ? QuoteAmount.ZERO : quoteAmount;
    lpSide = lpSide == null ? LpSide.RANGE : lpSide;
    feeTier = feeTier == null ? DEFAULT_FEE_TIER : feeTier;
    txFeeQuote = txFeeQuote == null ? QuoteAmount.ZERO : txFeeQuote;
    keepPosition = keepPosition == null ? Boolean.FALSE : keepPosition;
    extraParams =
        extraParams == null
            ? null
            : Collections.unmodifiableMap(new LinkedHashMap<>(extraParams));
  }

  /** BUY for a quote-only position, SELL for a base-only one, none (null) for a range. */
  @Override
  public Side side() {
    return lpSide.tradeSide();
  }

  /** The base actually offered to the pool: none for a quote-only (BUY) position. */
  public Quantity depositBase() {
    return lpSide.depositsBase() ? baseAmount : Quantity.ZERO;
  }

  /** The quote actually offered to the pool: none for a base-only (SELL) position. */
  public QuoteAmount depositQuote() {
    return lpSide.depositsQuote() ? quoteAmount : QuoteAmount.ZERO;
  }

  @Override
  public List<FieldViolation> validate() {
    final List<FieldViolation> v = new ArrayList<>();
    ConfigChecks.market(v, connectorName, tradingPair);
    validateRange(v);
    validateAmounts(v);
    nonNegative(v, "auto_close_above_range_seconds", autoCloseAboveRangeSeconds);
    nonNegative(v, "auto_close_below_range_seconds", autoCloseBelowRangeSeconds);
    if (feeTier.signum() < 0 || feeTier.compareTo(BigDecimal.ONE) >= 0) {
      v.add(new FieldViolation("fee_tier", "must be a fraction in [0, 1) (0.003 = 0.3%)"));
    }
    if (txFeeQuote.signum() < 0) {
      v.add(new FieldViolation("tx_fee_quote", "must not be negative"));
    }
    return v;
  }

  private void validateRange(final List<FieldViolation> v) {
    final boolean lowerOk = lowerPrice != null && !lowerPrice.isZero();
    if (!lowerOk) {
      v.add(new FieldViolation("lower_price", "is required and positive"));
    }
    if (upperPrice == null || upperPrice.isZero()) {
      v.add(new FieldViolation("upper_price", "is required and positive"));
    } else if (lowerOk && !lowerPrice.lt(upperPrice)) {
      v.add(new FieldViolation("lower_price", "must be below upper_price"));
    }
    // A limit inside the range would close a position that is still earning fees.
    if (upperLimitPrice != null) {
      if (upperLimitPrice.isZero()) {
        v.add(new FieldViolation("upper_limit_price", "must be positive when given"));
      } else if (upperPrice != null && upperLimitPrice.lt(upperPrice)) {
        v.add(new FieldViolation("upper_limit_price", "must not be below upper_price"));
      }
    }
    if (lowerLimitPrice != null) {
      if (lowerLimitPrice.isZero()) {
        v.add(new FieldViolation("lower_limit_price", "must be positive when given"));
      } else if (lowerPrice != null && lowerLimitPrice.gt(lowerPrice)) {
        v.add(new FieldViolation("lower_limit_price", "must not be above lower_price"));
      }
    }
  }

  private void validateAmounts(final List<FieldViolation> v) {
    if (quoteAmount.signum() < 0) {
      v.add(new FieldViolation("quote_amount", "must not be negative"));
    }
    switch (lpSide) {
      case BUY -> {
        if (quoteAmount.signum() <= 0) {
          v.add(new FieldViolation("quote_amount", "must be positive for side BUY (quote only)"));
        }
        if (baseAmount.isPositive()) {
          v.add(new FieldViolation("base_amount", "must be 0 for side BUY (quote only)"));
        }
      }
      case SELL -> {
        if (!baseAmount.isPositive()) {
          v.add(new FieldViolation("base_amount", "must be positive for side SELL (base only)"));
        }
        if (quoteAmount.signum() > 0) {
          v.add(new FieldViolation("quote_amount", "must be 0 for side SELL (base only)"));
        }
      }
      case RANGE -> {
        if (!baseAmount.isPositive() && quoteAmount.signum() <= 0) {
          v.add(new FieldViolation(
              "base_amount", "base_amount and quote_amount cannot both be 0"));
        }
      }
    }
  }

  private static void nonNegative(final List<FieldViolation> v, final String field, final Long x) {
    if (x != null && x < 0) {
      v.add(new FieldViolation(field, "must be a number of seconds >= 0"));
    }
  }

  @Override
  public LpExecutorConfig withIdentity(
      final String newId, final String controller, final Instant at) {
    return new LpExecutorConfig(
        newId, controller, at, connectorName, tradingPair, poolAddress, lpProvider, swapProvider,
        lowerPrice, upperPrice, baseAmount, quoteAmount, lpSide, upperLimitPrice, lowerLimitPrice,
        autoCloseAboveRangeSeconds, autoCloseBelowRangeSeconds, feeTier, txFeeQuote, keepPosition,
        extraParams);
  }

  /**
   * {@code base_amount × mid + quote_amount} of what is deposited; without a mid only a
   * quote-only deposit can be valued.
   */
  @Override
  public Optional<QuoteAmount> plannedExposure(final Optional<Price> mid) {
    final Quantity base = depositBase();
    final QuoteAmount quote = depositQuote();
    if (base.isZero()) {
      return Optional.of(quote);
    }
    return mid.map(p -> p.times(base).plus(quote));
  }
}
