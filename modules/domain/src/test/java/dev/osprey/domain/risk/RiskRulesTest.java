package dev.osprey.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.risk.RiskDecision.Denied;
import dev.osprey.domain.risk.RiskDecision.ReasonCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskRulesTest {
  private static final RiskLimits LIMITS = RiskLimits.fromMap(Map.of(
      "max_open_executors", 3,
      "max_single_order_quote", 100,
      "max_position_size_quote", 500,
      "max_daily_loss_quote", 50,
      "max_drawdown_pct", 10,
      "shutdown_drawdown_pct", 20,
      "max_cost_per_day_usd", 5,
      "max_orders_per_second", 5,
      "cooldown_after_loss_sec", 300));

  private static RiskUsage usage(final int open, final String exposure) {
    return new RiskUsage(
        open, QuoteAmount.of(exposure), QuoteAmount.ZERO, QuoteAmount.ZERO, QuoteAmount.ZERO,
        BigDecimal.ZERO);
  }

  private static RiskUsage pnl(
      final String daily, final String peak, final String current, final String cost) {
    return new RiskUsage(
        0, QuoteAmount.ZERO, QuoteAmount.of(daily), QuoteAmount.of(peak), QuoteAmount.of(current),
        new BigDecimal(cost));
  }

  private static void assertDecision(
      final String code, final String message, final RiskDecision decision) {
    if ("APPROVED".equals(code)) {
      assertTrue(decision.isApproved(), () -> "expected approval, got " + decision);
      return;
    }
    final Denied d = assertInstanceOf(Denied.class, decision);
    assertEquals(ReasonCode.valueOf(code), d.code());
    if (message != null) {
      assertEquals(message, d.message());
    }
  }

  @ParameterizedTest(name = "{0}, {1} open, exposure {2}, order {3} -> {4}")
  @CsvSource(
      nullValues = "-",
      delimiter = '|',
      value = {
        "ACTIVE | 3 | 0 | 10 | MAX_OPEN_EXECUTORS | max_open_executors 3 reached (3 open)",
        "ACTIVE | 4 | 0 | 10 | MAX_OPEN_EXECUTORS | max_open_executors 3 reached (4 open)",
        "ACTIVE | 2 | 0 | 10 | APPROVED | -",
        "ACTIVE | 3 | 0 | 1000 | MAX_OPEN_EXECUTORS | -",
        "ACTIVE | 0 | 0 | 100 | APPROVED | -",
        "ACTIVE | 0 | 0 | 100.01 | MAX_SINGLE_ORDER | "
            + "max_single_order_quote 100 exceeded: order 100.01",
        "ACTIVE | 0 | 400 | 100 | APPROVED | -",
        "ACTIVE | 0 | 400.01 | 100 | MAX_POSITION_SIZE | "
            + "max_position_size_quote 500 exceeded: exposure 400.01 + order 100 = 500.01",
        "ACTIVE | 0 | 0 | - | EXPOSURE_UNAVAILABLE | "
            + "planned exposure in quote is unavailable (no price and no mid to value it)",
        "ACTIVE | 0 | 0 | 0 | EXPOSURE_UNAVAILABLE | planned exposure 0 is not positive",
        "ACTIVE | 0 | 0 | -5 | EXPOSURE_UNAVAILABLE | planned exposure -5 is not positive",
        "HALTED | 0 | 0 | 10 | TRADING_HALTED | "
            + "trading is HALTED: nothing but cancels is allowed",
        "REDUCING | 0 | 0 | 10 | TRADING_REDUCING | -",
      })
  void shouldGateCreatesAtTheReferenceBoundaries(
      final TradingState state,
      final int open,
      final String exposure,
      final String amount,
      final String code,
      final String message) {
    final Optional<QuoteAmount> planned = Optional.ofNullable(amount).map(QuoteAmount::of);
    final RiskUsage u = usage(open, exposure);
    assertDecision(code, message, RiskRules.checkCreate(LIMITS, state, u, planned));
  }

  @ParameterizedTest(name = "no limits: {0} open, order {1} -> {2}")
  @CsvSource(
      nullValues = "-",
      value = {"1000, 1000000, APPROVED", "0, -, EXPOSURE_UNAVAILABLE"})
  void shouldApproveAnythingValuedWhenNoLimitIsSetButStillFailClosed(
      final int open, final String amount, final String code) {
    final Optional<QuoteAmount> planned = Optional.ofNullable(amount).map(QuoteAmount::of);
    assertDecision(code, null,
        RiskRules.checkCreate(RiskLimits.NONE, TradingState.ACTIVE, usage(open, "0"), planned));
  }

  @Test
  void shouldCountAnApprovedCreateAtOnce() {
    final RiskUsage before = usage(2, "350");
    final QuoteAmount amount = QuoteAmount.of("100");
    assertTrue(RiskRules.checkCreate(LIMITS, TradingState.ACTIVE, before, Optional.of(amount))
        .isApproved());
    final RiskUsage after = before.withCreated(amount);
    assertEquals(3, after.openExecutors());
    assertEquals(QuoteAmount.of("450"), after.exposureQuote());
    assertDecision("MAX_OPEN_EXECUTORS", null,
        RiskRules.checkCreate(LIMITS, TradingState.ACTIVE, after, Optional.of(amount)));
  }

  @ParameterizedTest(name = "daily {0}, peak {1}, current {2}, cost {3} -> {4}")
  @CsvSource(
      nullValues = "-",
      delimiter = '|',
      value = {
        "-50 | 0 | 0 | 0 | APPROVED | -",
        "-50.01 | 0 | 0 | 0 | DAILY_LOSS | max_daily_loss_quote 50 exceeded: daily pnl -50.01",
        "0 | 100 | 90 | 0 | APPROVED | -",
        "0 | 100 | 89.99 | 0 | DRAWDOWN | "
            + "max_drawdown_pct 10 exceeded: drawdown 10.01% from peak pnl 100 to 89.99",
        "0 | 0 | -20 | 0 | APPROVED | -",
        "0 | 0 | 0 | 5 | APPROVED | -",
        "0 | 0 | 0 | 5.01 | LLM_COST | max_cost_per_day_usd 5 exceeded: 5.01 spent today",
        "-60 | 0 | 0 | 6 | DAILY_LOSS | max_daily_loss_quote 50 exceeded: daily pnl -60; "
            + "max_cost_per_day_usd 5 exceeded: 6 spent today",
      })
  void shouldBlockTheTickOnlyBeyondItsLimits(
      final String daily,
      final String peak,
      final String current,
      final String cost,
      final String code,
      final String message) {
    final RiskUsage u = pnl(daily, peak, current, cost);
    assertDecision(code, message, RiskRules.checkTick(LIMITS, TradingState.ACTIVE, u));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"HALTED, TRADING_HALTED", "REDUCING, APPROVED", "ACTIVE, APPROVED"})
  void shouldBlockTheTickOnlyWhenHalted(final TradingState state, final String code) {
    assertDecision(code, null, RiskRules.checkTick(LIMITS, state, RiskUsage.NONE));
  }

  @ParameterizedTest(name = "peak {0}, current {1} -> {2} %")
  @CsvSource({
    "100, 75,  25",
    "100, 100, 0",
    "100, -50, 150",
    "3,   2,   33.33333333333333333333333333333333",
    "0,   -5,  0",
    "-10, -20, 0",
  })
  void shouldMeasureDrawdownFromThePeakInPercent(
      final String peak, final String current, final String expected) {
    final BigDecimal dd = pnl("0", peak, current, "0").drawdownPct();
    assertEquals(0, new BigDecimal(expected).compareTo(dd), () -> "got " + dd);
  }

  @ParameterizedTest(name = "peak 100, current {0} -> trip {1}")
  @CsvSource({"80, false", "79.99, true", "100, false"})
  void shouldTripTheKillSwitchStrictlyBeyondTheShutdownDrawdown(
      final String current, final boolean trip) {
    final RiskUsage u = pnl("0", "100", current, "0");
    assertEquals(trip, RiskRules.shouldTripKillSwitch(LIMITS, u));
    assertEquals(trip, RiskRules.killSwitch(LIMITS, u).isPresent());
    assertFalse(RiskRules.shouldTripKillSwitch(RiskLimits.NONE, pnl("0", "100", "-100", "0")));
  }

  @Test
  void shouldNameTheShutdownLimitWhenTheKillSwitchTrips() {
    final Denied d = RiskRules.killSwitch(LIMITS, pnl("0", "100", "70", "0")).orElseThrow();
    assertEquals(ReasonCode.KILL_SWITCH, d.code());
    assertEquals(
        "shutdown_drawdown_pct 20 exceeded: drawdown 30% from peak pnl 100 to 70", d.message());
  }

  @ParameterizedTest(name = "{0} sent in the last second -> {1}")
  @CsvSource({"4, APPROVED", "5, ORDER_RATE", "6, ORDER_RATE"})
  void shouldLimitTheOrderRate(final int sent, final String code) {
    assertDecision(code, null, RiskRules.checkOrderRate(LIMITS, sent));
  }

  @ParameterizedTest(name = "{0} s after a loss -> {1}")
  @CsvSource({"0, COOLDOWN", "299, COOLDOWN", "300, APPROVED", "301, APPROVED"})
  void shouldCoolDownAfterALoss(final long after, final String code) {
    final Instant loss = Instant.parse("2026-01-01T00:00:00Z");
    assertDecision(code, null,
        RiskRules.checkCooldown(LIMITS, Optional.of(loss), loss.plusSeconds(after)));
  }

  @Test
  void shouldNotCoolDownWithoutALoss() {
    assertTrue(RiskRules.checkCooldown(LIMITS, Optional.empty(), Instant.EPOCH).isApproved());
  }

  @Test
  void shouldDenyCreatesOnceTodaysLossOrTheDrawdownIsBeyondItsLimit() {
    final RiskUsage lost = new RiskUsage(0, QuoteAmount.ZERO, QuoteAmount.of("-50.01"), QuoteAmount.ZERO,
        QuoteAmount.of("-50.01"), BigDecimal.ZERO);
    assertDecision("DAILY_LOSS", "max_daily_loss_quote 50 exceeded: daily pnl -50.01",
        RiskRules.checkCreate(LIMITS, TradingState.ACTIVE, lost, Optional.of(QuoteAmount.of("10"))));
    final RiskUsage down = pnl("0", "100", "89", "0");
    assertDecision("DRAWDOWN", "max_drawdown_pct 10 exceeded: drawdown 11% from peak pnl 100 to 89",
        RiskRules.checkCreate(LIMITS, TradingState.ACTIVE, down, Optional.of(QuoteAmount.of("10"))));
    assertDecision("APPROVED", null,
        RiskRules.checkCreate(LIMITS, TradingState.ACTIVE, pnl("-50", "100", "90", "0"), Optional.of(QuoteAmount.of("10"))));
  }

  @Test
  void shouldLetACreateThatOnlyReducesAHeldPositionThroughReducingLossesAndSize() {
    final RiskUsage full = new RiskUsage(1, QuoteAmount.of("500"), QuoteAmount.of("-60"), QuoteAmount.ZERO,
        QuoteAmount.of("-60"), BigDecimal.ZERO);
    final Optional<QuoteAmount> order = Optional.of(QuoteAmount.of("90"));
    assertDecision("TRADING_REDUCING", null, RiskRules.checkCreate(LIMITS, TradingState.REDUCING, full, order));
    assertDecision("APPROVED", null, RiskRules.checkCreate(LIMITS, TradingState.REDUCING, full, order, true));
    assertDecision("APPROVED", null, RiskRules.checkCreate(LIMITS, TradingState.ACTIVE, full, order, true));
    assertDecision("TRADING_HALTED", null, RiskRules.checkCreate(LIMITS, TradingState.HALTED, full, order, true));
    assertDecision("MAX_SINGLE_ORDER", null,
        RiskRules.checkCreate(LIMITS, TradingState.REDUCING, full, Optional.of(QuoteAmount.of("101")), true));
  }
}
