package dev.osprey.agent.policy.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Price and amount arithmetic the rule policies share. */
final class RuleMath {
  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private RuleMath() {}

  /** {@code price × (1 + fraction)}, at 8 decimals (venues round to their own increments). */
  static BigDecimal shift(final BigDecimal price, final BigDecimal fraction) {
    return price.multiply(BigDecimal.ONE.add(fraction)).setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
  }

  /** Quote amounts at cents, rounded down so a planned amount never exceeds a limit. */
  static BigDecimal cents(final BigDecimal amount) {
    return amount.setScale(2, RoundingMode.DOWN);
  }

  /**
   * The market a rule policy trades: {@code trading_pair} (required) on {@code connector}, by
   * default the first connector of agent.md.
   */
  static dev.osprey.agent.policy.ObservedMarket tradedMarket(final dev.osprey.agent.policy.TickContext tick) {
    final String connector = tick.config("connector", tick.definition().connectors().get(0));
    final String pair = tick.config("trading_pair", null);
    if (pair == null) {
      throw new IllegalArgumentException("config trading_pair is required");
    }
    return tick.observation().market(connector, pair)
        .orElseThrow(() -> new IllegalStateException("no market " + connector + " " + pair + " observed"));
  }

  static java.util.concurrent.CompletionStage<dev.osprey.agent.policy.PolicyOutcome> done(final String summary) {
    return java.util.concurrent.CompletableFuture.completedFuture(dev.osprey.agent.policy.PolicyOutcome.rule(summary, 0));
  }

  static String plain(final BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
