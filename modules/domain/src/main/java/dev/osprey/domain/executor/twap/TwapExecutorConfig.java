package dev.osprey.domain.executor.twap;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.ConfigChecks;
import dev.osprey.domain.executor.LeveragedConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Time-weighted execution of a quote budget (reference {@code TWAPExecutorConfig}): {@code
 * total_amount_quote} is spent in {@code total_duration // order_interval + 1} slices, one every
 * {@code order_interval} seconds from {@code timestamp}. TAKER slices are MARKET orders; MAKER
 * slices rest as LIMIT orders {@code limit_order_buffer} behind the mid and, with {@code
 * order_resubmission_time}, are renewed when they rest that long.
 */
@JsonTypeName(TwapExecutorConfig.TYPE)
public record TwapExecutorConfig(
    String id,
    String controllerId,
    Instant timestamp,
    String connectorName,
    TradingPair tradingPair,
    Side side,
    Integer leverage,
    BigDecimal totalAmountQuote,
    Long totalDuration,
    Long orderInterval,
    TwapMode mode,
    BigDecimal limitOrderBuffer,
    Long orderResubmissionTime)
    implements LeveragedConfig {

  public static final String TYPE = "twap_executor";

  /**
   * Most slices one executor may plan. The reference has no cap; Osprey refuses more so that a
   * mistyped interval cannot plan millions of orders (a day at one-second intervals still fits).
   */
  public static final int MAX_ORDERS = 100_000;

  public TwapExecutorConfig {
    leverage = leverage == null ? 1 : leverage;
    mode = mode == null ? TwapMode.TAKER : mode;
  }

  @Override
  public List<FieldViolation> validate() {
    final List<FieldViolation> v = new ArrayList<>();
    ConfigChecks.market(v, connectorName, tradingPair, side);
    ConfigChecks.leverage(v, leverage);
    if (totalAmountQuote == null || totalAmountQuote.signum() <= 0) {
      v.add(new FieldViolation("total_amount_quote", "must be a positive quote amount"));
    }
    final boolean duration = totalDuration != null && totalDuration > 0;
    final boolean interval = orderInterval != null && orderInterval > 0;
    if (!duration) {
      v.add(new FieldViolation("total_duration", "must be a positive number of seconds"));
    }
    if (!interval) {
      v.add(new FieldViolation("order_interval", "must be a positive number of seconds"));
    }
    if (duration && interval && totalDuration / orderInterval + 1 > MAX_ORDERS) {
      v.add(new FieldViolation("order_interval",
          "total_duration / order_interval + 1 must not exceed " + MAX_ORDERS + " orders"));
    }
    if (mode == TwapMode.MAKER) {
      if (limitOrderBuffer == null) {
        v.add(new FieldViolation("limit_order_buffer", "is required for MAKER mode"));
      } else if (limitOrderBuffer.signum() < 0 || limitOrderBuffer.compareTo(BigDecimal.ONE) >= 0) {
        v.add(new FieldViolation("limit_order_buffer", "must be a fraction >= 0 and < 1"));
      }
    }
    if (orderResubmissionTime != null && orderResubmissionTime <= 0) {
      v.add(new FieldViolation("order_resubmission_time", "must be a positive number of seconds"));
    }
    return v;
  }

  @Override
  public TwapExecutorConfig withIdentity(
      final String newId, final String controller, final Instant at) {
    return new TwapExecutorConfig(
        newId, controller, at, connectorName, tradingPair, side, leverage, totalAmountQuote,
        totalDuration, orderInterval, mode, limitOrderBuffer, orderResubmissionTime);
  }

  /** {@code total_amount_quote}: the whole budget, whatever the market does. */
  @Override
  public Optional<QuoteAmount> plannedExposure(final Optional<Price> mid) {
    return totalAmountQuote == null
        ? Optional.empty()
        : Optional.of(new QuoteAmount(totalAmountQuote));
  }

  /** {@code total_duration // order_interval + 1}. */
  public int numberOfOrders() {
    return (int) (totalDuration / orderInterval + 1);
  }

  /** {@code total_amount_quote / number_of_orders}: the planned size of one slice. */
  public QuoteAmount orderAmountQuote() {
    return new QuoteAmount(
        Decimals.div(totalAmountQuote, BigDecimal.valueOf(numberOfOrders())));
  }

  /** When slice {@code slot} is due: {@code timestamp + slot · order_interval}. */
  public Instant slotTime(final int slot) {
    return timestamp.plusSeconds(slot * orderInterval);
  }

  /** The limit price of a MAKER slice: {@code mid·(1−buffer)} to buy, {@code mid·(1+buffer)}. */
  public Price limitPrice(final Price mid) {
    final BigDecimal factor =
        side == Side.BUY
            ? BigDecimal.ONE.subtract(limitOrderBuffer)
            : BigDecimal.ONE.add(limitOrderBuffer);
    return mid.scale(factor);
  }
}
