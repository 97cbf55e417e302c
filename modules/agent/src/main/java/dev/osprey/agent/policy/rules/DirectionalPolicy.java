package dev.osprey.agent.policy.rules;

import static dev.osprey.agent.policy.rules.RuleMath.plain;

import dev.osprey.agent.policy.AgentTools;
import dev.osprey.agent.policy.ObservedMarket;
import dev.osprey.agent.policy.ObservedRisk;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.agent.policy.TickContext;
import dev.osprey.agent.routine.Indicators;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A directional policy with position executors: when the fast EMA of one-minute closes is above
 * the slow one it opens a long, below it a short, each with the triple barrier of its configs; one
 * position at a time per pair. Deterministic: the same candles give the same executor.
 *
 * <p>Configs (defaults in brackets): {@code trading_pair} (required), {@code connector} [agent.md's
 * first], {@code amount_quote} [50, capped by max_single_order_quote and the room under
 * max_position_size_quote], {@code fast_period} [9], {@code slow_period} [21], {@code stop_loss}
 * [0.01], {@code take_profit} [0.02], {@code time_limit} [3600 s].
 */
public final class DirectionalPolicy extends RulePolicy {
  public static final String NAME = "directional";
  private static final String POSITION = "position_executor";

  public DirectionalPolicy() {
    super(NAME);
  }

  @Override
  CompletionStage<PolicyOutcome> decide(final TickContext tick, final ObservedMarket market, final AgentTools tools) {
    final String connector = market.connector();
    final String pair = market.tradingPair();
    if (!running(tick, POSITION, pair).isEmpty()) {
      return RuleMath.done("holding: a position on " + pair + " is open");
    }
    final int fast = tick.decimal("fast_period", BigDecimal.valueOf(9)).intValue();
    final int slow = tick.decimal("slow_period", BigDecimal.valueOf(21)).intValue();
    if (market.mid().isEmpty() || market.candles().size() < slow) {
      return RuleMath.done("waiting: EMA(" + slow + ") needs " + slow + " candles, have " + market.candles().size());
    }
    final var closes = Indicators.closes(market.candles());
    final BigDecimal fastEma = Indicators.ema(closes, fast);
    final BigDecimal slowEma = Indicators.ema(closes, slow);
    final int trend = fastEma.compareTo(slowEma);
    final String emas = "EMA" + fast + " " + plain(fastEma) + " vs EMA" + slow + " " + plain(slowEma);
    if (trend == 0) {
      return RuleMath.done("flat: " + emas);
    }
    final BigDecimal amountQuote = amountQuote(tick);
    if (amountQuote.signum() <= 0) {
      return RuleMath.done(emas + ": no room under max_position_size_quote");
    }
    final BigDecimal mid = market.mid().get();
    final String side = trend > 0 ? "BUY" : "SELL";
    final Map<String, Object> config = new LinkedHashMap<>();
    config.put("type", POSITION);
    config.put("connector_name", connector);
    config.put("trading_pair", pair);
    config.put("side", side);
    config.put("amount", plain(amountQuote.divide(mid, 8, RoundingMode.DOWN)));
    final Map<String, Object> barriers = new LinkedHashMap<>();
    barriers.put("stop_loss", plain(tick.decimal("stop_loss", new BigDecimal("0.01"))));
    barriers.put("take_profit", plain(tick.decimal("take_profit", new BigDecimal("0.02"))));
    barriers.put("time_limit", tick.decimal("time_limit", BigDecimal.valueOf(3600)).longValue());
    config.put("triple_barrier_config", barriers);
    return tools.createExecutor(config).thenApply(r -> PolicyOutcome.rule(emas + ": " + side + " "
        + config.get("amount") + " " + pair + " -> "
        + (r.ok() ? "created " + r.data().get("executor_id") : "refused " + r.code() + " (" + r.message() + ")"), 1));
  }

  private static BigDecimal amountQuote(final TickContext tick) {
    final ObservedRisk risk = tick.observation().risk();
    BigDecimal amount = tick.decimal("amount_quote", BigDecimal.valueOf(50));
    if (risk.limits().maxSingleOrderQuote().isPresent()) {
      amount = amount.min(risk.limits().maxSingleOrderQuote().get().value());
    }
    if (risk.limits().maxPositionSizeQuote().isPresent()) {
      amount = amount.min(risk.limits().maxPositionSizeQuote().get().value().subtract(risk.exposureQuote()));
    }
    return amount;
  }
}
