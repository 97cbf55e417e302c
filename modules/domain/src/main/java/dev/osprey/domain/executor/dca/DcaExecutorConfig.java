package dev.osprey.domain.executor.dca;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.ConfigChecks;
import dev.osprey.domain.executor.LeveragedConfig;
import dev.osprey.domain.executor.position.TrailingStop;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A dollar-cost-averaging entry (reference {@code DCAExecutorConfig}): level {@code i} buys (or
 * sells) {@code amounts_quote[i]} of quote at {@code prices[i]}, levels in list order, and the
 * whole position exits on stop loss, trailing stop, take profit or time limit. Percent fields are
 * fractions (0.02 = 2 %); {@code time_limit} is in seconds from {@code timestamp}.
 *
 * <p>The lists are kept as given (nulls included) so that {@link #validate()} can name every
 * broken entry instead of failing while the JSON is read. A TAKER config without activation bounds
 * gets the reference's default window {@link #DEFAULT_TAKER_BOUNDS}, so the persisted config says
 * what the executor really does.
 */
@JsonTypeName(DcaExecutorConfig.TYPE)
public record DcaExecutorConfig(
    String id,
    String controllerId,
    Instant timestamp,
    String connectorName,
    TradingPair tradingPair,
    Side side,
    Integer leverage,
    List<BigDecimal> amountsQuote,
    List<BigDecimal> prices,
    BigDecimal takeProfit,
    BigDecimal stopLoss,
    TrailingStop trailingStop,
    Long timeLimit,
    DcaMode mode,
    List<BigDecimal> activationBounds,
    String levelId)
    implements LeveragedConfig {

  public static final String TYPE = "dca_executor";

  /** The reference's TAKER window: 0.01 % below and 0.5 % above a level's price. */
  public static final List<BigDecimal> DEFAULT_TAKER_BOUNDS =
      List.of(new BigDecimal("0.0001"), new BigDecimal("0.005"));

  public DcaExecutorConfig {
    leverage = leverage == null ? 1 : leverage;
    mode = mode == null ? DcaMode.MAKER : mode;
    amountsQuote = copy(amountsQuote);
    prices = copy(prices);
    activationBounds =
        mode == DcaMode.TAKER && (activationBounds == null || activationBounds.isEmpty())
            ? DEFAULT_TAKER_BOUNDS
            : copy(activationBounds);
  }

  @Override
  public List<FieldViolation> validate() {
    final List<FieldViolation> v = new ArrayList<>();
    ConfigChecks.market(v, connectorName, tradingPair, side);
    ConfigChecks.leverage(v, leverage);
    positiveList(v, "amounts_quote", amountsQuote, "quote amount");
    positiveList(v, "prices", prices, "price");
    if (amountsQuote != null && prices != null && amountsQuote.size() != prices.size()) {
      v.add(new FieldViolation("amounts_quote",
          "must have as many entries as prices (" + amountsQuote.size() + " vs " + prices.size()
              + ")"));
      v.add(new FieldViolation("prices",
          "must have as many entries as amounts_quote (" + prices.size() + " vs "
              + amountsQuote.size() + ")"));
    }
    positiveIfPresent(v, "take_profit", takeProfit);
    positiveIfPresent(v, "stop_loss", stopLoss);
    if (timeLimit != null && timeLimit <= 0) {
      v.add(new FieldViolation("time_limit", "must be a positive number of seconds"));
    }
    if (trailingStop != null) {
      if (trailingStop.activationPrice() == null) {
        v.add(new FieldViolation("trailing_stop.activation_price", "is required"));
      }
      if (trailingStop.trailingDelta() == null || trailingStop.trailingDelta().signum() <= 0) {
        v.add(new FieldViolation("trailing_stop.trailing_delta", "must be a positive fraction"));
      }
    }
    validateBounds(v);
    return v;
  }

  private void validateBounds(final List<FieldViolation> v) {
    if (activationBounds == null) {
      return;
    }
    final int needed = mode == DcaMode.TAKER ? 2 : 1;
    if (activationBounds.size() < needed || activationBounds.size() > 2) {
      v.add(new FieldViolation("activation_bounds",
          mode == DcaMode.TAKER
              ? "TAKER needs two fractions (below, above the level price)"
              : "must have one or two fractions"));
    }
    for (BigDecimal b : activationBounds) {
      if (b == null || b.signum() < 0 || b.compareTo(BigDecimal.ONE) >= 0) {
        v.add(new FieldViolation("activation_bounds", "fractions must be >= 0 and < 1"));
        break;
      }
    }
  }

  @Override
  public DcaExecutorConfig withIdentity(
      final String newId, final String controller, final Instant at) {
    return new DcaExecutorConfig(
        newId, controller, at, connectorName, tradingPair, side, leverage, amountsQuote, prices,
        takeProfit, stopLoss, trailingStop, timeLimit, mode, activationBounds, levelId);
  }

  /** Σ {@code amounts_quote}: the whole budget, whatever the market does. */
  @Override
  public Optional<QuoteAmount> plannedExposure(final Optional<Price> mid) {
    if (amountsQuote == null || amountsQuote.isEmpty() || amountsQuote.contains(null)) {
      return Optional.empty();
    }
    return Optional.of(totalAmountQuote());
  }

  /** Number of levels. */
  public int levels() {
    return prices == null ? 0 : prices.size();
  }

  public Price price(final int level) {
    return new Price(prices.get(level));
  }

  public QuoteAmount amountQuote(final int level) {
    return new QuoteAmount(amountsQuote.get(level));
  }

  /** Σ {@code amounts_quote} (the reference's {@code max_amount_quote}). */
  public QuoteAmount totalAmountQuote() {
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal a : amountsQuote) {
      sum = sum.add(a);
    }
    return new QuoteAmount(sum);
  }

  /** {@code Σ amounts_quote · stop_loss}; zero without a stop loss. */
  public QuoteAmount maxLossQuote() {
    return stopLoss == null ? QuoteAmount.ZERO : totalAmountQuote().times(stopLoss);
  }

  /**
   * {@code Σ(price_i · amount_quote_i) / Σ amount_quote_i}: the reference's quote-weighted
   * target price. It is not the break-even of a full fill (that weights by base).
   */
  public Price targetAveragePrice() {
    BigDecimal weighted = BigDecimal.ZERO;
    for (int i = 0; i < levels(); i++) {
      weighted = weighted.add(prices.get(i).multiply(amountsQuote.get(i)));
    }
    return new Price(Decimals.div(weighted, totalAmountQuote().value()));
  }

  public Price minPrice() {
    return new Price(Collections.min(prices));
  }

  public Price maxPrice() {
    return new Price(Collections.max(prices));
  }

  /** {@code timestamp + time_limit}, if there is a time limit. */
  public Optional<Instant> deadline() {
    return timeLimit == null ? Optional.empty() : Optional.of(timestamp.plusSeconds(timeLimit));
  }

  private static void positiveList(
      final List<FieldViolation> v,
      final String field,
      final List<BigDecimal> values,
      final String what) {
    if (values == null || values.isEmpty()) {
      v.add(new FieldViolation(field, "must list at least one level"));
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      final BigDecimal x = values.get(i);
      if (x == null || x.signum() <= 0) {
        v.add(new FieldViolation(field + "[" + i + "]", "must be a positive " + what));
      }
    }
  }

  private static void positiveIfPresent(
      final List<FieldViolation> v, final String field, final BigDecimal x) {
    if (x != null && x.signum() <= 0) {
      v.add(new FieldViolation(field, "must be a positive fraction (0.02 = 2%)"));
    }
  }

  private static List<BigDecimal> copy(final List<BigDecimal> values) {
    return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
  }
}
