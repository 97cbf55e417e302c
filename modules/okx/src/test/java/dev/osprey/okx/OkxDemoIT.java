package dev.osprey.okx;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderType;
import dev.osprey.testkit.LiveVenueContract;
import java.math.BigDecimal;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The connector against OKX's real demo trading (simulated money), for a machine with internet
 * access and demo API keys: {@code OKX_API_KEY}, {@code OKX_SECRET_KEY}, {@code OKX_PASSPHRASE}
 * (see src-docs/venues.md). Skipped without them; refuses to run with {@code OKX_USE_DEMO=false}.
 * Places a post-only BTC-USDT buy far below the market (it never fills), finds it by client order
 * id, and cancels it (see {@link LiveVenueContract}); with {@code OKX_DEMO_IT_FILL=true} also buys
 * twice the minimum size at market and sells the minimum.
 */
@EnabledIfEnvironmentVariable(named = "OKX_API_KEY", matches = ".+")
class OkxDemoIT extends LiveVenueContract<OkxExchange> {
  @Override
  protected OkxExchange connector() {
    final OkxConfig config = OkxConfig.fromEnv("okx", System.getenv());
    requireTestEnvironment(config.demo(), "demo trading", OkxConfig.USE_DEMO_ENV);
    return new OkxExchange(config, Clock.systemUTC());
  }

  @Override
  protected String farBelow() {
    return "0.5";
  }

  @Override
  protected BigDecimal restingSize(final TradingRules rules, final Price price) {
    return rules.minOrderSize();
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "OKX_DEMO_IT_FILL", matches = "true")
  void shouldBuyAndSellTheMinimumAtMarket() throws Exception {
    final BigDecimal min = venue.tradingRules(PAIR).orElseThrow().minOrderSize();
    // Twice the minimum: the BUY's fee is taken in BTC, and the minimum must still be there to
    // sell.
    final BigDecimal size = min.multiply(BigDecimal.valueOf(2));
    final ClientOrderId buy = id(2);
    await(venue.place(order(buy, Side.BUY, OrderType.MARKET, size, null)));
    events.awaitFilled(buy, size.toPlainString());
    final ClientOrderId sell = id(3);
    await(venue.place(order(sell, Side.SELL, OrderType.MARKET, min, null)));
    events.await(sell, OrderEvent.Filled.class);
  }
}
