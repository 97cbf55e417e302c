package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import dev.osprey.testkit.ManualClock;
import org.junit.jupiter.api.Test;

/** Local mode ({@code bin/osprey up}) without configured users: hummingbot-api's admin/admin. */
class LocalModeAuthHttpTest {
  @Test
  void shouldAcceptTheDefaultAdminInLocalModeOnly() throws Exception {
    // Empty passwords override whatever OSPREY_*_PASSWORD the environment sets.
    try (HttpNode node = HttpNode.start(ManualClock.at("2026-03-05T12:00:00Z"), ConfigFactory.parseString(
        "osprey.auth { local-mode = true, admin.password = \"\", read-only.password = \"\" }"))) {
      final String admin = HttpNode.basic("admin", "admin");
      assertEquals(200, node.sendAs(admin, "PUT", "/paper/balances", "{\"USDT\": \"5\"}").statusCode());
      // The operators' UI and what it reads take the same user.
      assertEquals(200, node.sendAs(admin, "GET", "/ui", null).statusCode());
      assertEquals(200, node.sendAs(admin, "GET", "/cluster/members", null).statusCode());
      assertEquals(401, node.sendAs(null, "GET", "/ui", null).statusCode());
      assertEquals(401, node.sendAs(null, "GET", "/paper/balances", null).statusCode());
      assertEquals(401, node.sendAs(HttpNode.ADMIN, "GET", "/paper/balances", null).statusCode());
    }
  }
}
