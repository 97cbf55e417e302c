package dev.osprey.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ClientOrderIdTest {
  // OKX clOrdId (the strictest venue): 1-32 letters and digits. Binance newClientOrderId allows
  // more characters, at most 36.
  private static final Pattern OKX = Pattern.compile("[A-Za-z0-9]{1,32}");
  private static final Pattern BINANCE = Pattern.compile("[.A-Z:/a-z0-9_-]{1,36}");

  @ParameterizedTest
  @ValueSource(strings = {"my-agent", "3f1c9a52-7d1e-4c1b-9f0e-2b7d5e8a1c44", "a", "x.y:z", "~!$&'()*+,;=@[]^_`{|}"})
  void shouldFitTheStrictestVenueForAnyExecutorId(final String executorId) {
    for (int seq : new int[] {1, 36, 1_000_000, Integer.MAX_VALUE}) {
      final String id = ClientOrderId.forExecutor(executorId, seq).value();
      assertTrue(OKX.matcher(id).matches(), id);
      assertTrue(BINANCE.matcher(id).matches(), id);
    }
  }

  @Test
  void shouldFitForTheLongestExecutorId() {
    final String id = ClientOrderId.forExecutor("e".repeat(128), Integer.MAX_VALUE).value();
    assertEquals(22 + 6, id.length(), "22 route key characters and 6 base-36 digits of the largest int");
    assertTrue(OKX.matcher(id).matches());
  }

  @Test
  void shouldBeDeterministicAndStartWithTheExecutorsRouteKey() {
    final ClientOrderId a = ClientOrderId.forExecutor("my-agent-ex", 11);
    assertEquals(a, ClientOrderId.forExecutor("my-agent-ex", 11));
    assertEquals(ClientOrderId.routeKeyOf("my-agent-ex"), a.routeKey());
    assertEquals(ClientOrderId.routeKeyOf("my-agent-ex") + "b", a.value(), "11 in base 36");
    assertEquals(22, a.routeKey().length());
  }

  @Test
  void shouldGiveDifferentExecutorsDifferentKeysAndSequencesDifferentIds() {
    assertNotEquals(ClientOrderId.routeKeyOf("ex-1"), ClientOrderId.routeKeyOf("ex-2"));
    assertNotEquals(ClientOrderId.forExecutor("ex-1", 1), ClientOrderId.forExecutor("ex-1", 2));
    // "ex-1" order 11 and "ex-11" order 1 collided under the old "<id>-<seq>" scheme's parsing.
    assertNotEquals(ClientOrderId.forExecutor("ex-1", 11).routeKey(), ClientOrderId.forExecutor("ex-11", 1).routeKey());
  }

  @Test
  void shouldRefuseSequencesBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> ClientOrderId.forExecutor("ex", 0));
  }

  @Test
  void shouldTreatAShortForeignIdAsItsOwnRouteKey() {
    assertEquals("abc", ClientOrderId.of("abc").routeKey());
  }
}
