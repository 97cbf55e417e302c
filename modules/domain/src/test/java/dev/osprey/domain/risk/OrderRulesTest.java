package dev.osprey.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderRulesTest {
  private static OrderRules.Intent order(final String side, final String amount, final String own, final String held) {
    return new OrderRules.Intent("ex-1", Side.valueOf(side), new BigDecimal(amount), new BigDecimal(own),
        new BigDecimal(held));
  }

  @Test
  void shouldLetEveryOrderLeaveWhenActive() {
    assertTrue(OrderRules.check(TradingState.ACTIVE, false, order("BUY", "5", "0", "0")).isApproved());
  }

  @ParameterizedTest(name = "REDUCING {0} {1} with own {2}, held {3}: {4}")
  @CsvSource({
      // closes the executor's own long, partly or wholly
      "SELL, 1,   2,  0, true",
      "SELL, 2,   2,  0, true",
      // would flip the executor's long into a short
      "SELL, 2.5, 2,  0, false",
      // adds to it
      "BUY,  1,   2,  0, false",
      // closes its own short
      "BUY,  1,  -3,  0, true",
      // an executor without inventory reduces the controller's held long
      "SELL, 1,   0,  4, true",
      "SELL, 5,   0,  4, false",
      "BUY,  1,   0, -1, true",
      // the held position does not count for an executor that has inventory of its own
      "SELL, 1,  -1,  4, false",
      // nothing to reduce
      "SELL, 1,   0,  0, false",
  })
  void shouldOnlyLetReducingOrdersLeaveWhenReducing(
      final String side, final String amount, final String own, final String held, final boolean leaves) {
    assertEquals(leaves, OrderRules.check(TradingState.REDUCING, false, order(side, amount, own, held)).isApproved());
  }

  @Test
  void shouldNameTheStateTheOrderAndThePositionsWhenRefusingInReducing() {
    final RiskDecision d = OrderRules.check(TradingState.REDUCING, false, order("BUY", "1.50", "2", "0"));
    assertEquals(new RiskDecision.Denied(RiskDecision.ReasonCode.TRADING_REDUCING,
        "trading is REDUCING: BUY 1.5 of executor ex-1 does not reduce a position (executor holds 2, "
            + "controller holds 0 in base)"), d);
  }

  @Test
  void shouldLetNothingLeaveWhenHaltedButTheKillSwitchsClosingOrders() {
    final RiskDecision halted = OrderRules.check(TradingState.HALTED, false, order("SELL", "1", "2", "0"));
    assertEquals(new RiskDecision.Denied(RiskDecision.ReasonCode.TRADING_HALTED,
        "trading is HALTED: no order of executor ex-1 leaves (SELL 1)"), halted);
    assertTrue(OrderRules.check(TradingState.HALTED, true, order("SELL", "2", "2", "0")).isApproved());
    // Winding down never opens anything, nor closes held positions that are not its own.
    assertEquals(RiskDecision.ReasonCode.TRADING_HALTED,
        ((RiskDecision.Denied) OrderRules.check(TradingState.HALTED, true, order("BUY", "1", "2", "0"))).code());
    assertEquals(RiskDecision.ReasonCode.TRADING_HALTED,
        ((RiskDecision.Denied) OrderRules.check(TradingState.HALTED, true, order("SELL", "1", "0", "5"))).code());
  }

  @Test
  void shouldTakeTheStricterOfTheControllersAndTheGlobalState() {
    assertEquals(TradingState.HALTED, TradingState.ACTIVE.stricter(TradingState.HALTED));
    assertEquals(TradingState.REDUCING, TradingState.REDUCING.stricter(TradingState.ACTIVE));
    assertEquals(TradingState.HALTED, TradingState.HALTED.stricter(TradingState.REDUCING));
    assertEquals(TradingState.ACTIVE, TradingState.ACTIVE.stricter(null));
  }
}
