package dev.osprey.domain.executor.lp;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConcentratedLiquidityTest {
  private static final BigDecimal L = new BigDecimal("1000");
  private static final ConcentratedLiquidity POOL = pool("64", "256");
  private static final BigDecimal TOLERANCE = new BigDecimal("1e-26");

  private static ConcentratedLiquidity pool(final String lower, final String upper) {
    return new ConcentratedLiquidity(Price.of(lower), Price.of(upper));
  }

  @ParameterizedTest(name = "[{0}, {1}] at {2}: {3} base + {4} quote -> L {5}")
  @CsvSource({
    // lower, upper, price, base, quote, liquidity, deposited base, deposited quote
    "64, 256, 100,     37.5, 2000, 1000, 37.5, 2000",
    "64, 256, 100,     50,   2000, 1000, 37.5, 2000",
    "64, 256, 100,     37.5, 3000, 1000, 37.5, 2000",
    "64, 256, 39.0625, 62.5, 0,    1000, 62.5, 0",
    "64, 256, 64,      62.5, 0,    1000, 62.5, 0",
    "64, 256, 256,     0,    8000, 1000, 0,    8000",
    "64, 256, 400,     5,    8000, 1000, 0,    8000",
    "81, 121, 100,     10,   1100, 1100, 10,   1100",
    "64, 256, 100,     0,    2000, 0,    0,    0",
    "64, 256, 100,     37.5, 0,    0,    0,    0",
    "64, 256, 40,      0,    5000, 0,    0,    0",
    "64, 256, 400,     62.5, 0,    0,    0,    0",
  })
  void shouldFundTheLiquidityOfTheScarcerNeededTokenAndDepositOnlyWhatItNeeds(
      final String lower,
      final String upper,
      final String price,
      final String base,
      final String quote,
      final String liquidity,
      final String depositBase,
      final String depositQuote) {
    final ConcentratedLiquidity pool = pool(lower, upper);
    final BigDecimal l = pool.liquidity(Quantity.of(base), QuoteAmount.of(quote), Price.of(price));
    assertDecimal(liquidity, l);
    assertAmounts(depositBase, depositQuote, pool.amounts(l, Price.of(price)));
  }

  @ParameterizedTest(name = "at {0}: {1} base, {2} quote")
  @CsvSource({
    "39.0625, 62.5, 0",
    "64,      62.5, 0",
    "100,     37.5, 2000",
    "156.25,  17.5, 4500",
    "256,     0,    8000",
    "400,     0,    8000",
  })
  void shouldHoldAllBaseBelowTheRangeAllQuoteAboveAndBothInside(
      final String price, final String base, final String quote) {
    assertAmounts(base, quote, POOL.amounts(L, Price.of(price)));
  }

  /** Prices that are not perfect squares: the round trip holds to decimal128 rounding. */
  @ParameterizedTest(name = "[{0}, {1}] at {2}")
  @CsvSource({
    "1500, 2500, 2000, 1.3, 5000",
    "1500, 2500, 1999.99, 2, 1000",
    "0.5, 0.75, 0.6123, 1234.5678, 98.7654",
    "1500, 2500, 1000, 2.5, 0",
    "1500, 2500, 3000, 0, 1500",
  })
  void shouldRoundTripAmountsThroughLiquidityToDecimal128(
      final String lower, final String upper, final String price, final String base,
      final String quote) {
    final ConcentratedLiquidity pool = pool(lower, upper);
    final Price p = Price.of(price);
    final BigDecimal l = pool.liquidity(Quantity.of(base), QuoteAmount.of(quote), p);
    final ConcentratedLiquidity.Amounts deposit = pool.amounts(l, p);
    // The scarcer token is deposited in full, the other one up to what it allows.
    final boolean baseIsScarce =
        close(deposit.base().value(), new BigDecimal(base))
            || deposit.quote().value().signum() == 0;
    final boolean quoteIsScarce =
        close(deposit.quote().value(), new BigDecimal(quote))
            || deposit.base().value().signum() == 0;
    assertTrue(baseIsScarce || quoteIsScarce, () -> "deposit " + deposit + " of L " + l);
    assertTrue(deposit.base().value().compareTo(new BigDecimal(base).add(TOLERANCE)) <= 0);
    assertTrue(deposit.quote().value().compareTo(new BigDecimal(quote).add(TOLERANCE)) <= 0);
    final BigDecimal again = pool.liquidity(deposit.base(), deposit.quote(), p);
    assertTrue(close(l, again), () -> "L " + l + " came back as " + again);
  }

  /** Asserts both sides of {@code a} to the last digit. */
  private static void assertAmounts(
      final String base, final String quote, final ConcentratedLiquidity.Amounts a) {
    assertDecimal(base, a.base().value());
    assertDecimal(quote, a.quote().value());
  }

  private static boolean close(final BigDecimal a, final BigDecimal b) {
    return a.subtract(b).abs().compareTo(TOLERANCE) <= 0;
  }

  @ParameterizedTest(name = "{0} -> {1}: {2} base, {3} quote")
  @CsvSource({
    // from, to, base fee, quote fee (L 1000, range [64, 256], fee tier 0.003)
    "100,    156.25, 0,      7.5",
    "156.25, 100,    0.06,   0",
    "100,    400,    0,      18",
    "300,    400,    0,      0",
    "30,     40,     0,      0",
    "40,     400,    0,      24",
    "400,    40,     0.1875, 0",
    "40,     100,    0,      6",
    "100,    100,    0,      0",
  })
  void shouldEarnTheFeeTierOfWhatTradersPaidInOnlyOverTheInRangePartOfAMove(
      final String from, final String to, final String baseFee, final String quoteFee) {
    assertAmounts(
        baseFee, quoteFee, POOL.fees(L, Price.of(from), Price.of(to), new BigDecimal("0.003")));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "63.99, BELOW", "64, IN_RANGE", "100, IN_RANGE", "256, IN_RANGE", "256.01, ABOVE",
  })
  void shouldCountTheBoundsAsInsideTheRange(final String price, final RangePosition expected) {
    assertEquals(expected, POOL.locate(Price.of(price)));
  }

  @Test
  void shouldRefuseARangeWhoseLowerBoundIsNotBelowTheUpper() {
    assertThrows(IllegalArgumentException.class, () -> pool("100", "100"));
    assertThrows(IllegalArgumentException.class, () -> pool("0", "100"));
  }
}
