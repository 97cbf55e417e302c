package dev.osprey.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradingRulesTest {
  private static final TradingRules RULES = new TradingRules(
      new BigDecimal("0.01"), new BigDecimal("5"), new BigDecimal("0.05"), new BigDecimal("0.001"));

  @ParameterizedTest
  @CsvSource({"1.23456, 1.234", "0.0009, 0", "-1, 0", "2, 2"})
  void shouldFloorAmountsToTheBaseIncrement(final String amount, final String floored) {
    assertEquals(0, new BigDecimal(floored).compareTo(RULES.floorAmount(new BigDecimal(amount)).value()));
  }

  @ParameterizedTest
  @CsvSource({"100.07, 100.05", "100.05, 100.05", "0.04, 0"})
  void shouldFloorPricesToThePriceIncrement(final String price, final String floored) {
    assertEquals(Price.of(floored), RULES.floorPrice(Price.of(price)));
  }

  @ParameterizedTest
  @CsvSource({"0, true", "0.009, true", "0.01, false", "1, false"})
  void shouldCallAmountsBelowTheMinimumSizeDust(final String amount, final boolean dust) {
    assertEquals(dust, RULES.isDust(Quantity.of(amount)));
  }

  @ParameterizedTest
  @CsvSource({
      "0.005, 1000, amount 0.005 is below min_order_size 0.01",
      "0.0105, 1000, amount 0.0105 is not a multiple of base_increment 0.001",
      "1, 100.01, price 100.01 is not a multiple of price_increment 0.05",
      "0.04, 100, notional 4.00 is below min_notional 5",
  })
  void shouldNameTheBrokenRule(final String amount, final String price, final String rule) {
    assertEquals(Optional.of(rule), RULES.violation(new BigDecimal(amount), new BigDecimal(price)));
  }
}
