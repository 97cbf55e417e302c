package dev.osprey.agent.policy.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.agent.market.Candle;
import dev.osprey.agent.policy.ObservedExecutor;
import dev.osprey.agent.policy.ObservedPosition;
import dev.osprey.agent.policy.ObservedRisk;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.agent.policy.ToolResult;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.risk.RiskLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The standard's example policy decides deterministically from what it observes: grids around the
 * mid within the limits, wider in volatility, one side paused past the inventory threshold, holding
 * while its grids run.
 */
class GridMarketMakerPolicyTest {
  private static final Instant NOW = RuleTicks.NOW;
  private static final RiskLimits LIMITS = RiskLimits.fromMap(Map.of("max_position_size_quote", 500,
      "max_single_order_quote", 100, "max_open_executors", 10));
  private static final Map<String, Object> CONFIGS = Map.of("trading_pair", "SOL-USDC", "grid_levels", 5,
      "spread_percentage", new BigDecimal("0.3"));

  private static ObservedRisk risk(final int open, final String exposure) {
    return new ObservedRisk(LIMITS, "ACTIVE", open, new BigDecimal(exposure), BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  private static List<Candle> flat(final int n) {
    final List<Candle> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      final Price p = Price.of("150");
      out.add(new Candle(NOW.minusSeconds(60L * (n - i)), p, p, p, p));
    }
    return out;
  }

  /** Candles swinging 147-153 around 150: true range 6 each, ATR(14) 6, 4 % of the close 150. */
  private static List<Candle> volatile15() {
    final List<Candle> out = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      out.add(new Candle(NOW.minusSeconds(60L * (15 - i)), Price.of("150"), Price.of("153"), Price.of("147"),
          Price.of("150")));
    }
    return out;
  }

  private static PolicyOutcome decide(final RecordingTools tools, final List<Candle> candles,
      final List<ObservedExecutor> executors, final List<ObservedPosition> positions, final ObservedRisk risk) {
    return RuleTicks.decide(new GridMarketMakerPolicy(), CONFIGS, "149.95", "150.05", candles, executors,
        positions, risk, tools);
  }

  @Test
  void shouldLayABuyGridBelowAndASellGridAboveTheMidWithinTheSingleOrderLimit() {
    final RecordingTools tools = new RecordingTools();
    final PolicyOutcome out = decide(tools, flat(1), List.of(), List.of(), risk(0, "0"));
    assertEquals(2, out.actions());
    final Map<String, Object> buy = tools.creates.get(0);
    assertEquals("grid_executor", buy.get("type"));
    assertEquals("binance_perpetual", buy.get("connector_name"));
    assertEquals("BUY", buy.get("side"));
    assertEquals("147.75", buy.get("start_price"));
    assertEquals("150.45", buy.get("end_price"));
    assertEquals("147.30675", buy.get("limit_price"));
    assertEquals("100", buy.get("total_amount_quote"));
    assertEquals("20", buy.get("min_order_amount_quote"));
    assertEquals("0.003", buy.get("min_spread_between_orders"));
    assertEquals(true, buy.get("keep_position"));
    final Map<String, Object> sell = tools.creates.get(1);
    assertEquals("SELL", sell.get("side"));
    assertEquals("149.55", sell.get("start_price"));
    assertEquals("152.25", sell.get("end_price"));
    assertEquals("152.70675", sell.get("limit_price"));
    assertEquals("mid 150, spread 0.3%: ATR(14) needs 15 candles, have 1: base spread; "
        + "BUY grid 147.75-150.45 100 quote: created mm:s1:t1:0; SELL grid 149.55-152.25 100 quote: created mm:s1:t1:1",
        out.summary());
  }

  @Test
  void shouldWidenTheSpreadWhenAtrIsAboveTwoPercent() {
    final RecordingTools tools = new RecordingTools();
    final PolicyOutcome out = decide(tools, volatile15(), List.of(), List.of(), risk(0, "0"));
    assertEquals("145.5", tools.creates.get(0).get("start_price"));    // 150 x (1 - 0.006 x 5)
    assertEquals("150.9", tools.creates.get(0).get("end_price"));
    assertEquals("154.5", tools.creates.get(1).get("end_price"));      // 150 x (1 + 0.006 x 5)
    assertTrue(out.summary().startsWith("mid 150, spread 0.6%: ATR 4% > 2%: spread widened"), out.summary());
  }

  @Test
  void shouldPauseTheBuySideWhenHeldInventoryPassesTheThreshold() {
    final RecordingTools tools = new RecordingTools();
    // 2 SOL held at 150 = 300 quote > 250 (half of max_position_size_quote 500).
    decide(tools, flat(1), List.of(), List.of(new ObservedPosition("binance_perpetual_paper_trade", "SOL-USDC",
        new BigDecimal("2"), new BigDecimal("148"))), risk(0, "300"));
    assertEquals(1, tools.creates.size());
    assertEquals("SELL", tools.creates.get(0).get("side"));
    assertEquals("100", tools.creates.get(0).get("total_amount_quote"), "room 500 - 300 = 200 still fits 100");
  }

  @Test
  void shouldSizeWithinTheRoomUnderThePositionLimitAndTheFreeSlots() {
    final RecordingTools tools = new RecordingTools();
    final PolicyOutcome out = decide(tools, flat(1), List.of(), List.of(), new ObservedRisk(
        RiskLimits.fromMap(Map.of("max_position_size_quote", 500, "max_single_order_quote", 100,
            "max_open_executors", 3)), "ACTIVE", 2, new BigDecimal("430"), BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    assertEquals(1, tools.creates.size());
    assertEquals("70", tools.creates.get(0).get("total_amount_quote"));
    assertTrue(out.summary().contains("SELL grid skipped: max_open_executors reached"), out.summary());
  }

  @Test
  void shouldHoldWhileItsGridsRunAndReportARefusal() {
    final RecordingTools holding = new RecordingTools();
    final ObservedExecutor running = new ObservedExecutor("mm:s1:t1:0", "grid_executor", "binance_perpetual_paper_trade",
        "SOL-USDC", "BUY", "RUNNING", true, new BigDecimal("100"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
        "", NOW);
    assertEquals("holding: 1 grid(s) running on SOL-USDC",
        decide(holding, flat(1), List.of(running), List.of(), risk(1, "100")).summary());
    assertTrue(holding.creates.isEmpty());

    final RecordingTools refusing = new RecordingTools();
    refusing.answers.add(ToolResult.refused("MAX_POSITION_SIZE", "max_position_size_quote 500 exceeded"));
    final PolicyOutcome out = decide(refusing, flat(1), List.of(), List.of(), risk(0, "0"));
    assertTrue(out.summary().contains("BUY grid 147.75-150.45 100 quote: refused MAX_POSITION_SIZE "
        + "(max_position_size_quote 500 exceeded)"), out.summary());
  }
}
