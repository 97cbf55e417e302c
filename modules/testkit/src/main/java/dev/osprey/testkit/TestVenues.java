package dev.osprey.testkit;

import dev.osprey.domain.market.TradingRules;
import dev.osprey.exchange.paper.MarketConfig;
import dev.osprey.exchange.paper.PaperExchange;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;

/** The paper venues node and engine tests run on. */
public final class TestVenues {
  private TestVenues() {}

  /**
   * A venue named {@code "paper"} holding {@code balances}, whose markets charge no maker fee and a
   * 0.1 % taker fee under the default trading rules.
   */
  public static PaperExchange paper(final Clock clock, final Map<String, BigDecimal> balances) {
    return new PaperExchange("paper", clock,
        new MarketConfig(BigDecimal.ZERO, new BigDecimal("0.001"), TradingRules.DEFAULT), balances);
  }
}
