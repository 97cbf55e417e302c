package dev.osprey.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.arbitrage.ArbitrageExecutorConfig;
import dev.osprey.domain.executor.grid.GridExecutorConfig;
import dev.osprey.domain.executor.order.ExecutionStrategy;
import dev.osprey.domain.executor.order.OrderExecutorConfig;
import dev.osprey.domain.market.FeeRates;
import dev.osprey.domain.market.PaperTrade;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.order.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CreateExecutorRequestTest {
  private static final Instant NOW = Instant.parse("2026-03-03T12:00:00Z");
  private static final Set<String> CONFIGURED = Set.of("paper", "binance_paper_trade", "okx_paper_trade");
  private static final UnaryOperator<String> TWINS = n -> PaperTrade.resolve(n, CONFIGURED::contains);

  private static Object parse(final String config) throws Exception {
    final JsonNode body = ApiJson.mapper().readTree("{\"executor_config\": " + config + "}");
    return CreateExecutorRequest.parse(ApiJson.mapper(), body, NOW, () -> "id1", VenueFees.NONE, TWINS);
  }

  private static List<String> fieldsRefused(final String config) {
    final FieldViolation.Invalid e = assertThrows(FieldViolation.Invalid.class, () -> parse(config));
    return e.violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void shouldReadTheStandardsNestedExecutionStrategyAsTheFlatOne() throws Exception {
    final OrderExecutorConfig c = (OrderExecutorConfig) parse("""
        {"type": "order_executor", "connector_name": "paper", "trading_pair": "BTC-USDT", "side": "BUY",
         "amount": "0.01", "execution_strategy": {"order_type": "LIMIT", "price": 65000.0}}""");
    assertEquals(ExecutionStrategy.LIMIT, c.executionStrategy());
    assertEquals(Price.of("65000"), c.price());
  }

  @Test
  void shouldAcceptTheSamePriceNestedAndFlatButRefuseTwoPrices() throws Exception {
    final String same = """
        {"type": "order_executor", "connector_name": "paper", "trading_pair": "BTC-USDT", "side": "BUY",
         "amount": "0.01", "price": "65000", "execution_strategy": {"order_type": "LIMIT", "price": "65000.0"}}""";
    assertEquals(Price.of("65000"), ((OrderExecutorConfig) parse(same)).price());
    assertEquals(List.of("executor_config.execution_strategy.price"), fieldsRefused(same.replace("\"65000\"", "\"64000\"")));
  }

  @Test
  void shouldRefuseANestedStrategyWithoutOrderType() {
    assertEquals(List.of("executor_config.execution_strategy.order_type"), fieldsRefused("""
        {"type": "order_executor", "connector_name": "paper", "trading_pair": "BTC-USDT", "side": "BUY",
         "amount": "0.01", "execution_strategy": {"price": "65000"}}"""));
  }

  @Test
  void shouldGiveAGridWithoutBarriersTheReferenceGridDefaults() throws Exception {
    final GridExecutorConfig c = (GridExecutorConfig) parse("""
        {"type": "grid_executor", "connector_name": "paper", "trading_pair": "ETH-USDT", "start_price": "3000",
         "end_price": "4000", "limit_price": "2900", "total_amount_quote": "1000", "keep_position": true}""");
    assertEquals(new BigDecimal("0.001"), c.tripleBarrierConfig().takeProfit());
    assertEquals(OrderType.LIMIT_MAKER, c.tripleBarrierConfig().openOrderType());
    assertEquals(OrderType.LIMIT_MAKER, c.tripleBarrierConfig().takeProfitOrderType());
    assertEquals(null, c.tripleBarrierConfig().stopLoss());
    assertEquals(List.of(), c.validate());
  }

  @Test
  void shouldRunARealVenueWithoutAConnectorOnItsPaperTwinInEveryMarket() throws Exception {
    final OrderExecutorConfig order = (OrderExecutorConfig) parse("""
        {"type": "order_executor", "connector_name": "binance", "trading_pair": "BTC-USDT", "side": "BUY",
         "amount": "0.01", "execution_strategy": "MARKET"}""");
    assertEquals("binance_paper_trade", order.connectorName());
    final ArbitrageExecutorConfig arb = (ArbitrageExecutorConfig) parse("""
        {"type": "arbitrage_executor", "order_amount": "1", "min_profitability": "0.001",
         "buying_market": {"connector_name": "binance", "trading_pair": "BTC-USDT"},
         "selling_market": {"connector_name": "okx", "trading_pair": "BTC-USDT"}}""");
    assertEquals("binance_paper_trade", arb.buyingMarket().connectorName());
    assertEquals("okx_paper_trade", arb.sellingMarket().connectorName());
  }

  @Test
  void shouldTakeTheTwinsFeesWhenTheConfigLeavesThemOut() throws Exception {
    final JsonNode body = ApiJson.mapper().readTree("""
        {"executor_config": {"type": "arbitrage_executor", "order_amount": "1", "min_profitability": "0.001",
         "buying_market": {"connector_name": "binance", "trading_pair": "BTC-USDT"},
         "selling_market": {"connector_name": "okx", "trading_pair": "BTC-USDT"}}}""");
    // Only the twins publish fees: the names must be resolved before the fees are looked up.
    final VenueFees fees = (connector, pair) -> connector.endsWith(PaperTrade.SUFFIX)
        ? Optional.of(new FeeRates(new BigDecimal("0.0008"), new BigDecimal("0.001")))
        : Optional.empty();
    final ArbitrageExecutorConfig arb = (ArbitrageExecutorConfig) CreateExecutorRequest.parse(
        ApiJson.mapper(), body, NOW, () -> "id1", fees, TWINS);
    assertEquals(new BigDecimal("0.001"), arb.buyingFeePct());
    assertEquals(new BigDecimal("0.001"), arb.sellingFeePct());
  }
}
