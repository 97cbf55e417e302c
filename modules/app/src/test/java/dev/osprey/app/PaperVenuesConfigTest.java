package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.position.PositionMode;
import dev.osprey.engine.paper.PaperVenueSpec;
import dev.osprey.exchange.Contracts;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The paper venues {@code application.conf} describes: the twins of real venues and their fees. */
class PaperVenuesConfigTest {
  private static Map<String, PaperVenueSpec> venues(final Config overrides) {
    final Config config = overrides
        .withFallback(ConfigFactory.parseString("osprey.paper.state-dir = \"\""))
        .withFallback(ConfigFactory.load())
        .resolve();
    return PaperVenueSpecs.fromConfig(config);
  }

  @ParameterizedTest(name = "{0}: maker {1}, taker {2}, perpetual {3}")
  @CsvSource({
    "paper, 0, 0, false",
    "paper_b, 0, 0, false",
    "binance_paper_trade, 0.001, 0.001, false",
    "binance_perpetual_paper_trade, 0.0002, 0.0005, true",
    "okx_paper_trade, 0.0008, 0.001, false",
    "okx_perpetual_paper_trade, 0.0002, 0.0005, true"})
  void shouldRunEachVenueWithItsDefaultFeeTier(
      final String name, final String maker, final String taker, final boolean perpetual) {
    final PaperVenueSpec venue = venues(ConfigFactory.empty()).get(name);
    // A quote lists a market with the venue's defaults (as the random walk does for its pairs).
    assertEquals(0, new BigDecimal(maker).compareTo(venue.defaults().makerFee()));
    assertEquals(0, new BigDecimal(taker).compareTo(venue.defaults().takerFee()));
    assertEquals(perpetual ? Contracts.perpetual(PositionMode.ONE_WAY) : Contracts.SPOT, venue.contracts());
    assertEquals(0, new BigDecimal("100000").compareTo(venue.balances().get("USDT")));
    assertEquals(4, venue.walk().orElseThrow().startPrices().size(), "the random walk quotes it");
  }

  @Test
  void shouldSizeOkxsTwinAsOkxDoesAndOthersByTheDefaults() {
    final Map<String, PaperVenueSpec> all = venues(ConfigFactory.empty());
    assertEquals(new TradingRules(new BigDecimal("0.00001"), BigDecimal.ONE, new BigDecimal("0.1"),
        new BigDecimal("0.00000001")), all.get("okx_paper_trade").defaults().rules());
    assertEquals(TradingRules.DEFAULT, all.get("paper").defaults().rules());
  }

  @Test
  void shouldNetAPerpetualVenueInHedgeModeWhenConfigured() {
    final Config hedge = ConfigFactory.parseString(
        "osprey.paper.venues.okx_perpetual_paper_trade.position-mode = HEDGE");
    assertEquals(Contracts.perpetual(PositionMode.HEDGE),
        venues(hedge).get("okx_perpetual_paper_trade").contracts());
  }

  @Test
  void shouldRefuseHedgeModeOnASpotVenue() {
    final Config wrong = ConfigFactory.parseString(
        "osprey.paper.venues.okx_paper_trade.position-mode = HEDGE");
    final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> venues(wrong));
    assertEquals("osprey.paper.venues.okx_paper_trade.position-mode needs perpetual = true", e.getMessage());
  }
}
