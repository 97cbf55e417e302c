package dev.osprey.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthSettingsTest {
  /** The shape of application.conf's osprey.auth, without the environment. */
  private static final Config DEFAULTS = ConfigFactory.parseString("""
      local-mode = true
      realm = "osprey"
      admin { username = "admin", password = "" }
      read-only { username = "readonly", password = "" }
      """);

  private static AuthSettings settings(final String overrides) {
    return AuthSettings.fromConfig(ConfigFactory.parseString(overrides).withFallback(DEFAULTS));
  }

  @Test
  void shouldFallBackToTheDefaultAdminInLocalModeAndWarn() {
    final AuthSettings s = settings("");
    assertTrue(s.defaultCredentials());
    assertEquals(List.of(new Credentials("admin", "admin", Role.ADMIN)), s.users());
    final String warning = s.startupWarning().orElseThrow();
    assertTrue(warning.contains("default credentials"), warning);
    assertFalse(warning.contains("admin/admin"), warning);
  }

  @Test
  void shouldRefuseToStartOutsideLocalModeWithoutAnAdminPassword() {
    final IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> settings("local-mode = false"));
    assertTrue(e.getMessage().contains("OSPREY_ADMIN_PASSWORD"), e.getMessage());
    assertTrue(e.getMessage().contains("osprey-auth"), e.getMessage());
  }

  @Test
  void shouldUseConfiguredUsersWithoutWarning() {
    final AuthSettings s = settings("""
        local-mode = false
        admin { username = "ops", password = "s3cret-ops" }
        read-only { username = "dash", password = "s3cret-dash" }
        """);
    assertFalse(s.defaultCredentials());
    assertTrue(s.startupWarning().isEmpty());
    assertEquals(List.of(new Credentials("ops", "s3cret-ops", Role.ADMIN),
        new Credentials("dash", "s3cret-dash", Role.READ_ONLY)), s.users());
  }

  @Test
  void shouldReadAgentHarnessUsersBoundToControllersWithoutPrintingTheirPasswords() {
    final AuthSettings s = settings("admin.password = \"s3cret-ops\"\n"
        + "agent-users = \"harness:h-pw:mm-a,mm-b;bot:b-pw:mm-c\"");
    assertEquals(List.of(new Credentials("admin", "s3cret-ops", Role.ADMIN),
        new Credentials("harness", "h-pw", Role.AGENT, java.util.Set.of("mm-a", "mm-b")),
        new Credentials("bot", "b-pw", Role.AGENT, java.util.Set.of("mm-c"))), s.users());
    assertFalse(s.toString().contains("h-pw"), s::toString);
    assertTrue(s.toString().contains("harness (AGENT)"), s::toString);
    final IllegalStateException bad = assertThrows(IllegalStateException.class,
        () -> settings("agent-users = \"harness:no-controllers\""));
    assertFalse(bad.getMessage().contains("no-controllers"), "the rest of a bad entry may be a password");
  }

  @Test
  void shouldReplaceTheDefaultAdminInLocalModeWhenAPasswordIsSet() {
    final AuthSettings s = settings("admin.password = \"s3cret-ops\"");
    assertFalse(s.defaultCredentials());
    assertEquals(List.of(new Credentials("admin", "s3cret-ops", Role.ADMIN)), s.users());
  }

  @Test
  void shouldRejectMisconfiguredUsers() {
    assertThrows(IllegalStateException.class, () -> settings("admin { username = \"\", password = \"x\" }"));
    assertThrows(IllegalStateException.class, () -> settings("admin { username = \"a:b\", password = \"x\" }"));
    assertThrows(IllegalStateException.class, () -> settings(
        "admin.password = \"x\"\nread-only { username = \"admin\", password = \"y\" }"));
  }

  @Test
  void shouldKeepPasswordsOutOfToString() {
    final String text = settings("""
        admin { username = "ops", password = "s3cret-ops" }
        read-only { username = "dash", password = "s3cret-dash" }
        """).toString();
    assertFalse(text.contains("s3cret"), text);
    assertTrue(text.contains("ops (ADMIN)") && text.contains("dash (READ_ONLY)"), text);
  }
}
