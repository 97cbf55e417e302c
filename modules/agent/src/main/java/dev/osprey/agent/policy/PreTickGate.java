package dev.osprey.agent.policy;

import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.risk.RiskDecision;
import dev.osprey.domain.risk.RiskRules;
import dev.osprey.domain.risk.RiskUsage;
import dev.osprey.domain.risk.TradingState;

/**
 * The standard's pre-tick validation: a tick is blocked (nothing observed is decided on, no LLM is
 * called) when today's P&amp;L is below {@code -max_daily_loss_quote}, the drawdown from the peak
 * is beyond {@code max_drawdown_pct}, today's LLM cost is beyond {@code max_cost_per_day_usd}, or
 * the controller is HALTED. The numbers are the risk supervisor's (marked to market) and the
 * agent's own cost count.
 */
public final class PreTickGate {
  private PreTickGate() {}

  public static RiskDecision check(final ObservedRisk risk) {
    final RiskUsage usage = new RiskUsage(risk.openExecutors(), QuoteAmount.of(risk.exposureQuote()),
        QuoteAmount.of(risk.dailyPnlQuote()), QuoteAmount.of(risk.peakPnlQuote()),
        QuoteAmount.of(risk.cumulativePnlQuote()), risk.dailyLlmCostUsd());
    return RiskRules.checkTick(risk.limits(), TradingState.valueOf(risk.tradingState()), usage);
  }
}
