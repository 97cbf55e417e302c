package dev.osprey.domain.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Price, Quantity and QuoteAmount share through {@link DecimalValue}. */
class DecimalValueTest {

  @Test
  void equalByValueWhateverTheScale() {
    assertEquals(Price.of("1.50"), Price.of("1.5"));
    assertEquals(Price.of("1.50").hashCode(), Price.of("1.5").hashCode());
    assertEquals(Quantity.of("0.000"), Quantity.ZERO);
    assertEquals(Quantity.of("0.000").hashCode(), Quantity.ZERO.hashCode());
    assertEquals(QuoteAmount.of("-2.10"), QuoteAmount.of("-2.1"));
    assertNotEquals(Price.of("1.5"), Price.of("1.51"));
  }

  @Test
  void aPriceNeverEqualsAQuantityOfTheSameDigits() {
    assertNotEquals(Price.of("3"), Quantity.of("3"));
    assertNotEquals(Quantity.of("3"), QuoteAmount.of("3"));
    assertNotEquals(Price.of("3"), BigDecimal.valueOf(3));
    assertNotEquals(Price.of("3"), null);
  }

  @Test
  void toStringIsPlainDigits() {
    assertEquals("0.00000001", Price.of("1E-8").toString());
    assertEquals("1200", Quantity.of("1.2E+3").toString());
    assertEquals("-5.50", QuoteAmount.of("-5.50").toString());
  }

  @Test
  void orderedByValue() {
    final Price low = Price.of("10");
    final Price high = Price.of("10.01");
    assertTrue(low.lt(high));
    assertTrue(low.le(high));
    assertTrue(low.le(Price.of("10.00")));
    assertTrue(high.gt(low));
    assertTrue(high.ge(Price.of("10.010")));
    assertFalse(high.lt(low));
    assertEquals(0, low.compareTo(Price.of("10.000")));
    assertSame(low, Price.min(low, high));
    assertSame(high, Price.max(low, high));
    final Quantity small = Quantity.of("10");
    assertSame(small, Quantity.min(small, Quantity.of("11")));
  }

  @Test
  void signTests() {
    assertTrue(Quantity.ZERO.isZero());
    assertFalse(Quantity.ZERO.isPositive());
    assertTrue(Quantity.of("0.1").isPositive());
    assertEquals(-1, QuoteAmount.of("-0.1").signum());
    assertEquals(0, QuoteAmount.ZERO.signum());
    assertEquals(1, Price.of("2").signum());
  }

  @Test
  void pricesAndQuantitiesRejectNegativesNamingTheType() {
    assertEquals("price must not be negative: -1.0",
        assertThrows(IllegalArgumentException.class, () -> Price.of("-1.0")).getMessage());
    assertEquals("quantity must not be negative: -0.00000001",
        assertThrows(IllegalArgumentException.class, () -> Quantity.of("-1E-8")).getMessage());
    assertEquals(QuoteAmount.of("-3"), QuoteAmount.of("3").negate());
  }

  @Test
  void nullIsRejected() {
    assertEquals("value", assertThrows(NullPointerException.class, () -> new Price(null)).getMessage());
    assertEquals("value", assertThrows(NullPointerException.class, () -> new Quantity(null)).getMessage());
    assertEquals("value", assertThrows(NullPointerException.class, () -> new QuoteAmount(null)).getMessage());
  }

  @Test
  void arithmeticKeepsTheTypes() {
    assertEquals(QuoteAmount.of("25"), Price.of("2.5").times(Quantity.of("10")));
    assertEquals(Quantity.of("4"), QuoteAmount.of("10").div(Price.of("2.5")));
    assertEquals(Quantity.ZERO, Quantity.of("1").minusFloored(Quantity.of("2")));
    assertEquals(Quantity.of("3"), Quantity.sum(List.of("1", "2"), Quantity::of));
    assertEquals(QuoteAmount.of("-1"), QuoteAmount.sum(List.of("1", "-2"), QuoteAmount::of));
    assertEquals(Price.of("11"), Price.of("10").scale(new BigDecimal("1.1")));
  }
}
