package dev.osprey.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.position.PositionBook;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Marking a controller: running executors' P&L, held positions valued at the mid. */
class ControllerMarkTest {
  private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
  private static final TradingPair BTC = TradingPair.parse("BTC-USDT");
  private static final TradingPair ETH = TradingPair.parse("ETH-USDT");

  private static HeldOrder bought(final String id, final TradingPair pair, final String base, final String price,
      final String fee) {
    return new HeldOrder(ClientOrderId.of(id), "paper", pair, Side.BUY, OrderType.MARKET, PositionAction.OPEN,
        Price.of(price), Quantity.of(base), Quantity.of(base),
        new QuoteAmount(new BigDecimal(base).multiply(new BigDecimal(price))), QuoteAmount.of(fee), T0);
  }

  private static void assertDecimal(final String expected, final QuoteAmount actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual.value()), () -> "was " + actual);
  }

  @Test
  void shouldValueHeldPositionsAtTheMidAndAddTheirPnlToTheRunningExecutors() {
    final PositionBook book = PositionBook.empty("c")
        .apply("e1", List.of(bought("a1", BTC, "2", "100", "0.2")))
        .apply("e2", List.of(bought("a2", ETH, "1", "50", "0")));
    final ControllerMark mark = ControllerMark.of(
        List.of(QuoteAmount.of("-3.5"), QuoteAmount.of("1")), book.holds(),
        h -> h.key().tradingPair().equals(BTC) ? Optional.of(Price.of("90")) : Optional.empty(), T0);

    assertDecimal("-2.5", mark.executorsPnl());
    assertDecimal("230", mark.heldValue());       // 2 x 90 + 1 x 50 (no quote: at its breakeven)
    assertDecimal("-20.2", mark.heldPnl());       // 2 x (90 - 100) - 0.2 fees; ETH at breakeven: 0
    assertDecimal("-22.7", mark.pnl());
  }

  @Test
  void shouldCountAMarkedLossInTodaysPnlAndTheDrawdownFromTheMarkedPeak() {
    final RiskUsage realized = new RiskUsage(1, QuoteAmount.of("100"), QuoteAmount.of("10"), QuoteAmount.of("10"),
        QuoteAmount.of("10"), BigDecimal.ZERO);
    final ControllerMark mark = new ControllerMark(QuoteAmount.of("-6"), QuoteAmount.of("40"), QuoteAmount.ZERO, T0);

    final RiskUsage usage = mark.applyTo(realized, QuoteAmount.of("12"));

    assertDecimal("140", usage.exposureQuote());
    assertDecimal("4", usage.dailyRealizedPnl());
    assertDecimal("4", usage.currentCumulativePnl());
    assertDecimal("12", usage.peakCumulativePnl());
    assertEquals("66.6667", usage.drawdownPct().setScale(4, java.math.RoundingMode.HALF_UP).toPlainString());  // 8 / 12
  }
}
