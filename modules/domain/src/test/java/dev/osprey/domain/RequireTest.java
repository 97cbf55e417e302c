package dev.osprey.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.Fill;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequireTest {

  @Test
  void shouldNameTheFirstMissingValue() {
    final NullPointerException e = assertThrows(NullPointerException.class,
        () -> Require.nonNull("a", 1, "b", null, "c", null));
    assertEquals("b", e.getMessage());
  }

  @Test
  void shouldPassWhenEveryValueIsThere() {
    assertDoesNotThrow(() -> Require.nonNull("a", 1, "b", "x"));
    assertDoesNotThrow(() -> Require.nonNull());
  }

  @Test
  void shouldRefuseANameWithoutItsValue() {
    assertThrows(IllegalArgumentException.class, () -> Require.nonNull("a", 1, "b"));
  }

  @Test
  void shouldNameTheComponentARecordMissesByItsJsonName() {
    final NullPointerException fill = assertThrows(NullPointerException.class,
        () -> new Fill("t-1", Price.of("1"), Quantity.of("1"), null, false, Instant.EPOCH));
    assertEquals("fee_quote", fill.getMessage());

    final NullPointerException book = assertThrows(NullPointerException.class,
        () -> TopOfBook.of("paper", null, Price.of("1"), Price.of("2"), Instant.EPOCH));
    assertEquals("pair", book.getMessage());
  }
}
