package dev.osprey.domain.executor.swap;

import com.fasterxml.jackson.annotation.JsonAlias;
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
import java.util.List;
import java.util.Optional;

/**
 * One swap of {@code amount} base (reference {@code SwapExecutorConfig}, branch {@code
 * feature/swap-executor}) routed through the paper router ({@link SwapProviders}) and settled on
 * the venue {@code connector_name} (the reference's {@code network} is accepted as an alias;
 * default {@code paper}). {@code slippage_pct} is a fraction (default 0.01); {@code
 * swap_providers} defaults to every known provider.
 */
@JsonTypeName(SwapExecutorConfig.TYPE)
public record SwapExecutorConfig(
    String id,
    String controllerId,
    Instant timestamp,
    @JsonAlias("network") String connectorName,
    TradingPair tradingPair,
    Side side,
    Quantity amount,
    BigDecimal slippagePct,
    List<String> swapProviders)
    implements ExecutorConfig {

  public static final String TYPE = "swap_executor";

  /** The venue a swap settles on when none is named. */
  public static final String DEFAULT_CONNECTOR = "paper";

  /** Slippage tolerated when none is configured (1 %). */
  public static final BigDecimal DEFAULT_SLIPPAGE = new BigDecimal("0.01");

  public SwapExecutorConfig {
    connectorName = connectorName == null ? DEFAULT_CONNECTOR : connectorName;
    slippagePct = slippagePct == null ? DEFAULT_SLIPPAGE : slippagePct;
    swapProviders =
        swapProviders == null
            ? SwapProviders.known()
            : Collections.unmodifiableList(new ArrayList<>(swapProviders));
  }

  @Override
  public List<FieldViolation> validate() {
    final List<FieldViolation> v = new ArrayList<>();
    if (connectorName.isBlank()) {
      v.add(new FieldViolation("connector_name", "must not be blank"));
    }
    ConfigChecks.tradingPair(v, tradingPair);
    ConfigChecks.side(v, side);
    ConfigChecks.amount(v, amount);
    if (slippagePct.signum() < 0 || slippagePct.compareTo(BigDecimal.ONE) >= 0) {
      v.add(new FieldViolation("slippage_pct", "must be a fraction in [0, 1) (0.01 = 1%)"));
    }
    if (swapProviders.isEmpty()) {
      v.add(new FieldViolation(
          "swap_providers", "must name at least one provider (or be omitted for all): "
              + String.join(", ", SwapProviders.known())));
    }
    for (String p : swapProviders) {
      if (SwapProviders.spread(p).isEmpty()) {
        v.add(new FieldViolation(
            "swap_providers", "unknown provider '" + p + "'; known: "
                + String.join(", ", SwapProviders.known())));
      }
    }
    return v;
  }

  @Override
  public SwapExecutorConfig withIdentity(
      final String newId, final String controller, final Instant at) {
    return new SwapExecutorConfig(
        newId, controller, at, connectorName, tradingPair, side, amount, slippagePct,
        swapProviders);
  }

  /** {@code amount × mid}; empty without a mid. */
  @Override
  public Optional<QuoteAmount> plannedExposure(final Optional<Price> mid) {
    return amount == null ? Optional.empty() : mid.map(p -> p.times(amount));
  }
}
