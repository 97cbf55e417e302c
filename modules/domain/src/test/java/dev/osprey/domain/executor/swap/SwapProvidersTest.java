package dev.osprey.domain.executor.swap;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SwapProvidersTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "jupiter/router, BUY,  100.1",
    "jupiter/router, SELL, 99.9",
    "meteora/clmm,   BUY,  100.15",
    "meteora/clmm,   SELL, 99.85",
    "Raydium/CLMM,   BUY,  100.2",
    "raydium/clmm,   SELL, 99.8",
    "orca/clmm,      BUY,  100.25",
    "orca/clmm,      SELL, 99.75",
  })
  void shouldQuoteTheMidMovedByTheProvidersSpreadAgainstTheTaker(
      final String provider, final Side side, final String price) {
    assertDecimal(price, SwapProviders.quote(provider, side, Price.of("100")).price().value());
  }

  @ParameterizedTest(name = "{0} over {1}")
  @CsvSource({
    // side, quoted prices in listed order, index of the winner
    "BUY,  '101, 100.5, 102',   1",
    "SELL, '101, 100.5, 102',   2",
    "BUY,  '100.5, 100.5, 101', 0",
    "SELL, '99, 99.5, 99.5',    1",
  })
  void shouldPickTheLowestQuoteForABuyAndTheHighestForASellFirstOnATie(
      final Side side, final String prices, final int winner) {
    final String[] ps = prices.split(",\\s*");
    final List<ProviderQuote> quotes =
        List.of(
            new ProviderQuote("a", Price.of(ps[0])),
            new ProviderQuote("b", Price.of(ps[1])),
            new ProviderQuote("c", Price.of(ps[2])));
    assertEquals(quotes.get(winner), SwapProviders.best(quotes, side));
  }

  @ParameterizedTest(name = "{0} via {1}")
  @CsvSource({
    // side, providers, mid, winner, its quote, limit at 1 % slippage
    "BUY,  'orca/clmm, meteora/clmm, raydium/clmm', 2000, meteora/clmm, 2003, 2023.03",
    "SELL, 'orca/clmm, meteora/clmm, raydium/clmm', 2000, meteora/clmm, 1997, 1977.03",
    "BUY,  'raydium/clmm, jupiter/router',          100,  jupiter/router, 100.1, 101.101",
    "SELL, 'raydium/clmm, jupiter/router',          100,  jupiter/router, 99.9, 98.901",
  })
  void shouldRouteToTheBestProviderAndAcceptAtWorstTheQuoteMovedBySlippage(
      final Side side, final String providers, final String mid, final String winner,
      final String quote, final String limit) {
    final List<ProviderQuote> quotes =
        SwapProviders.quotes(List.of(providers.split(",\\s*")), side, Price.of(mid));
    final ProviderQuote best = SwapProviders.best(quotes, side);
    assertEquals(winner, best.provider());
    assertDecimal(quote, best.price().value());
    assertDecimal(
        limit, SwapProviders.limitPrice(best.price(), side, new BigDecimal("0.01")).value());
  }

  @Test
  void shouldRefuseAnUnknownProvider() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SwapProviders.quote("uniswap/v9", Side.BUY, Price.of("1")));
    assertEquals(
        List.of("jupiter/router", "meteora/clmm", "raydium/clmm", "orca/clmm"),
        SwapProviders.known());
  }
}
