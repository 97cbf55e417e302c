package dev.osprey.domain.executor.grid;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.ConfigAssertions;
import dev.osprey.domain.executor.position.TrailingStop;
import dev.osprey.domain.executor.position.TripleBarrierConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Defaults, validation and identity of {@link GridExecutorConfig}. */
class GridExecutorConfigTest {

  private static GridExecutorConfig minimal(final GridExecutorConfig.BarrierInput barriers) {
    return GridExecutorConfig.fromJson(
        null, null, null, "paper", GridConfigs.BTC_USDT, Price.of("80"), Price.of("100"),
        Price.of("75"), null, QuoteAmount.of("100"), null, null, null, null, null, null, null,
        barriers, null, null, null, null, null);
  }

  private static GridExecutorConfig.BarrierInput takeProfitOnly() {
    return new GridExecutorConfig.BarrierInput(
        null, new BigDecimal("0.01"), null, null, null, null, null, null);
  }

  @Test
  void shouldApplyTheReferenceDefaults() {
    final GridExecutorConfig c = minimal(takeProfitOnly());

    assertEquals(Side.BUY, c.side());
    assertDecimal("0.0005", c.minSpreadBetweenOrders());
    assertDecimal("5", c.minOrderAmountQuote().value());
    assertEquals(5, c.maxOpenOrders());
    assertEquals(null, c.maxOrdersPerBatch());
    assertEquals(0L, c.orderFrequency());
    assertEquals(null, c.activationBounds());
    assertDecimal("0.0001", c.safeExtraSpread());
    assertEquals(20, c.leverage());
    assertEquals(false, c.deductBaseFees());
    assertEquals(false, c.keepPosition());
    assertEquals(false, c.coerceTpToStep());
    assertEquals("grid_executor", c.type());
    assertEquals(List.of(), c.validate());
  }

  /** Osprey fix: an absent take-profit order type is LIMIT_MAKER for a grid (reference: MARKET). */
  @Test
  void shouldNotDefaultTheGridTakeProfitOrderTypeToMarket() {
    final TripleBarrierConfig b = minimal(takeProfitOnly()).tripleBarrierConfig();

    assertEquals(OrderType.LIMIT_MAKER, b.takeProfitOrderType());
    assertEquals(OrderType.LIMIT, b.openOrderType());
    assertEquals(OrderType.MARKET, b.stopLossOrderType());
    assertEquals(OrderType.MARKET, b.timeLimitOrderType());
    assertEquals(OrderType.LIMIT_MAKER, GridExecutorConfig.DEFAULT_TAKE_PROFIT_ORDER_TYPE);
  }

  @Test
  void shouldReportEveryBrokenRuleWithItsJsonField() {
    final GridExecutorConfig c = new GridExecutorConfig(
        "g", "main", Instant.EPOCH, " ", null, Price.of("100"), Price.of("90"), null, Side.BUY,
        QuoteAmount.of("0"), new BigDecimal("0"), QuoteAmount.of("-1"), 0, 0, -1L,
        new BigDecimal("0"), new BigDecimal("1"),
        new TripleBarrierConfig(new BigDecimal("-0.1"), null, 0L,
            new TrailingStop(null, BigDecimal.ZERO),
            null, null, OrderType.LIMIT, OrderType.LIMIT),
        0, null, null, null, null);

    assertEquals(
        List.of(
            "connector_name", "trading_pair", "limit_price", "start_price", "total_amount_quote",
            "min_order_amount_quote", "min_spread_between_orders", "max_open_orders",
            "max_orders_per_batch", "order_frequency", "activation_bounds", "safe_extra_spread",
            "leverage", "triple_barrier_config.take_profit", "triple_barrier_config.stop_loss",
            "triple_barrier_config.time_limit",
            "triple_barrier_config.trailing_stop.activation_price",
            "triple_barrier_config.trailing_stop.trailing_delta",
            "triple_barrier_config.stop_loss_order_type",
            "triple_barrier_config.time_limit_order_type"),
        ConfigAssertions.fields(c.validate()));
    assertThrows(FieldViolation.Invalid.class, () -> GridExecutor.create(c));
  }

  @Test
  void shouldDefaultAnAbsentBarrierConfigAsTheReferenceGridAndRequireARealisableSellTakeProfit() {
    final GridExecutorConfig absent = minimal(null);
    assertEquals(List.of(), ConfigAssertions.fields(absent.validate()));
    assertEquals(GridExecutorConfig.DEFAULT_BARRIERS, absent.tripleBarrierConfig());
    final GridExecutorConfig sell = GridConfigs.sell().takeProfit("1").build();
    assertEquals(
        List.of("triple_barrier_config.take_profit"), ConfigAssertions.fields(sell.validate()));
  }

  @Test
  void shouldValueItsExposureAtTheWholeBudgetWithoutAPrice() {
    final GridExecutorConfig c = GridConfigs.buy().build();
    assertEquals(Optional.of(QuoteAmount.of("90.5")), c.plannedExposure(Optional.empty()));
  }

  @Test
  void shouldTakeTheIdentityTheEngineAssigns() {
    final Instant at = Instant.parse("2026-02-01T00:00:00Z");
    final GridExecutorConfig c =
        ConfigAssertions.assertIdentityCopy(GridConfigs.buy().build(), "g-9", "agent-1", at);
    assertEquals(GridConfigs.buy().build().tripleBarrierConfig(), c.tripleBarrierConfig());
  }
}
