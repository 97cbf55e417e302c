package dev.osprey.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaperTradeTest {
  private static final Set<String> CONFIGURED =
      Set.of("paper", "binance_paper_trade", "okx", "okx_paper_trade");

  @ParameterizedTest(name = "{0} trades on {1}")
  @CsvSource({
    "binance, binance_paper_trade",          // no binance connector: its paper twin
    "okx, okx",                              // a configured real venue trades itself
    "paper, paper",
    "binance_paper_trade, binance_paper_trade",
    "kraken, kraken",                        // neither: left for validation to refuse
    "kraken_paper_trade, kraken_paper_trade"})
  void shouldResolveARealVenueWithoutAConnectorToItsPaperTwin(final String given, final String trades) {
    assertEquals(trades, PaperTrade.resolve(given, CONFIGURED::contains));
  }

  @ParameterizedTest(name = "{0} stands for {1}")
  @CsvSource(value = {
    "binance_perpetual_paper_trade, binance_perpetual",
    "okx_paper_trade, okx",
    "paper, NULL",
    "_paper_trade, NULL"}, nullValues = "NULL")
  void shouldNameTheRealVenueOfAPaperTwin(final String connector, final String venue) {
    assertEquals(Optional.ofNullable(venue), PaperTrade.realVenueOf(connector));
  }
}
