package dev.osprey.binance;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderType;
import dev.osprey.testkit.LiveVenueContract;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import org.apache.pekko.actor.ActorSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The connector against Binance's real spot testnet (test money), for a machine with internet
 * access and testnet API keys: {@code BINANCE_API_KEY}, {@code BINANCE_SECRET_KEY} (see
 * src-docs/venues.md). Skipped without them; refuses to run with {@code BINANCE_USE_TESTNET=false}.
 * Places a LIMIT_MAKER BTCUSDT buy far below the market (it never fills), finds it by client order
 * id and cancels it (see {@link LiveVenueContract}); with {@code BINANCE_TESTNET_IT_FILL=true} also
 * buys and sells the minimum notional's worth at market.
 */
@EnabledIfEnvironmentVariable(named = "BINANCE_API_KEY", matches = ".+")
class BinanceTestnetIT extends LiveVenueContract<BinanceExchange> {
  private ActorSystem system;

  @Override
  protected BinanceExchange connector() {
    final BinanceConfig config = BinanceConfig.fromEnv("binance", System.getenv());
    requireTestEnvironment(config.testnet(), "the spot testnet", BinanceConfig.USE_TESTNET_ENV);
    system = ActorSystem.create("binance-testnet-it");
    return new BinanceExchange(config, Clock.systemUTC(), system);
  }

  @Override
  protected void closed() {
    if (system != null) {
      system.terminate();
    }
  }

  @Override
  protected String farBelow() {
    return "0.8";
  }

  @Override
  protected BigDecimal restingSize(final TradingRules rules, final Price price) {
    return sizeFor(rules, price, "1.5");
  }

  /** {@code times} Binance's minimum notional (at least 10 USDT) worth at {@code price}. */
  private static BigDecimal sizeFor(
      final TradingRules rules, final Price price, final String times) {
    final BigDecimal notional =
        rules.minNotional().max(BigDecimal.TEN).multiply(new BigDecimal(times));
    return rules
        .floorAmount(notional.divide(price.value(), 8, RoundingMode.UP))
        .value()
        .max(rules.minOrderSize());
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "BINANCE_TESTNET_IT_FILL", matches = "true")
  void shouldBuyAndSellAtMarket() throws Exception {
    final TradingRules rules = venue.tradingRules(PAIR).orElseThrow();
    final Price ask = venue.topOfBook(PAIR).orElseThrow().ask();
    final BigDecimal qty = sizeFor(rules, ask, "2");
    final ClientOrderId buy = id(2);
    await(venue.place(order(buy, Side.BUY, OrderType.MARKET, qty, null)));
    events.awaitFilled(buy, qty.toPlainString());
    final ClientOrderId sell = id(3);
    final BigDecimal half = rules.floorAmount(qty.divide(BigDecimal.valueOf(2))).value();
    await(venue.place(order(sell, Side.SELL, OrderType.MARKET, half, null)));
    events.await(sell, OrderEvent.Filled.class);
  }
}
