package dev.osprey.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleTest {
  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
      "ADMIN, GET, /executors/x, true",
      "ADMIN, POST, /executors/, true",
      "ADMIN, PUT, /controllers/c/limits, true",
      "ADMIN, DELETE, /anything, true",
      "READ_ONLY, GET, /executors/x, true",
      "READ_ONLY, get, /controllers, true",
      "READ_ONLY, HEAD, /executors/summary, true",
      "READ_ONLY, POST, /executors/search, true",
      "READ_ONLY, POST, /executors/search/, true",
      "READ_ONLY, POST, /executors/, false",
      "READ_ONLY, POST, /executors/x/stop, false",
      "READ_ONLY, POST, /executors/search/more, false",
      "READ_ONLY, POST, /paper/markets/BTC-USDT/quote, false",
      "READ_ONLY, PUT, /controllers/c/limits, false",
      "READ_ONLY, PATCH, /paper/balances, false",
      "READ_ONLY, DELETE, /executors/x, false",
      "READ_ONLY, OPTIONS, /executors/x, false",
  })
  void shouldLetReadOnlyUsersOnlyRead(final Role role, final String method, final String path, final boolean allowed) {
    assertEquals(allowed, role.permits(method, path));
  }
}
