package dev.osprey.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.BinanceExchangeInfo;

/** {@code exchangeInfo} as trading rules and rate limits. */
class BinanceMarketsTest {
  private static final String INFO =
      """
      {"timezone":"UTC","serverTime":1765000000000,
       "rateLimits":[
         {"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":1200},
         {"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":2},
         {"rateLimitType":"RAW_REQUESTS","interval":"MINUTE","intervalNum":5,"limit":61000}],
       "symbols":[
         {"symbol":"ETHBTC","status":"BREAK","baseAsset":"ETH","quoteAsset":"BTC","filters":[]},
         {"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC","quoteAsset":"USDT",
          "timeInForce":"GTC","filters":[
           {"filterType":"PRICE_FILTER","minPrice":"0.01","maxPrice":"1000000","tickSize":"0.01"},
           {"filterType":"LOT_SIZE","minQty":"0.00001","maxQty":"9000","stepSize":"0.00001"},
           {"filterType":"NOTIONAL","minNotional":"5.00000000","applyMinToMarket":true}]}]}
      """;

  @Test
  void shouldReadTradingSymbolsRulesAndBinancesOwnLimits() throws Exception {
    final BinanceMarkets markets = new BinanceMarkets();
    final BinanceLimits limits = BinanceLimits.spotDefaults();
    assertEquals(
        1, markets.load(BinanceJson.MAPPER.readValue(INFO, BinanceExchangeInfo.class), limits));
    final TradingPair btc = TradingPair.parse("BTC-USDT");
    assertEquals(btc, markets.pair("BTCUSDT").orElseThrow());
    assertTrue(markets.pair("ETHBTC").isEmpty(), "not trading");
    final TradingRules rules = markets.rules(btc).orElseThrow();
    assertEquals(new BigDecimal("0.00001"), rules.minOrderSize());
    assertEquals(new BigDecimal("0.00001"), rules.baseIncrement());
    assertEquals(new BigDecimal("0.01"), rules.priceIncrement());
    assertEquals(new BigDecimal("5.00000000"), rules.minNotional());
    assertEquals("BTCUSDT", BinanceMarkets.symbol(btc));
    // Binance's figures replace the defaults: 2 orders per 10 s here, not 50.
    final long t0 = 1_765_000_000_000L;
    assertTrue(limits.take(1, true, t0).allowed());
    assertTrue(limits.take(1, true, t0).allowed());
    assertEquals("ORDERS 2/10SECOND", limits.take(1, true, t0).limit());
    assertEquals("REQUEST_WEIGHT 1200/1MINUTE", limits.take(1_199, false, t0).limit());
  }
}
