package dev.osprey.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OkxConfigTest {
  private static Map<String, String> keys() {
    final Map<String, String> env = new HashMap<>();
    env.put("OKX_API_KEY", "key-1234abcd");
    env.put("OKX_SECRET_KEY", "very-secret");
    env.put("OKX_PASSPHRASE", "pass phrase");
    return env;
  }

  @Test
  void shouldTradeDemoUnlessUseDemoIsFalse() {
    final OkxConfig config = OkxConfig.fromEnv("okx", keys());
    assertTrue(config.demo());
    assertEquals(URI.create("wss://wspap.okx.com:8443/ws/v5/public"), config.publicWsUrl());
    assertEquals(URI.create("wss://wspap.okx.com:8443/ws/v5/private"), config.privateWsUrl());
    assertEquals(URI.create("https://www.okx.com"), config.restUrl());
  }

  @Test
  void shouldUseProductionHostsOnlyWhenUseDemoIsFalse() {
    final Map<String, String> env = keys();
    env.put("OKX_USE_DEMO", "FALSE");
    final OkxConfig config = OkxConfig.fromEnv("okx", env);
    assertFalse(config.demo());
    assertEquals(URI.create("wss://ws.okx.com:8443/ws/v5/public"), config.publicWsUrl());
    assertEquals(URI.create("wss://ws.okx.com:8443/ws/v5/private"), config.privateWsUrl());
  }

  @Test
  void shouldRejectAUseDemoValueThatIsNeitherTrueNorFalse() {
    final Map<String, String> env = keys();
    env.put("OKX_USE_DEMO", "no");
    assertThrows(IllegalArgumentException.class, () -> OkxConfig.fromEnv("okx", env));
  }

  @Test
  void shouldTakeUrlOverridesFromTheEnvironment() {
    final Map<String, String> env = keys();
    env.put("OKX_REST_URL", "http://127.0.0.1:9999");
    env.put("OKX_WS_PUBLIC_URL", "ws://127.0.0.1:9999/ws/v5/public");
    env.put("OKX_WS_PRIVATE_URL", "ws://127.0.0.1:9999/ws/v5/private");
    final OkxConfig config = OkxConfig.fromEnv("okx", env);
    assertEquals(URI.create("http://127.0.0.1:9999"), config.restUrl());
    assertEquals(URI.create("ws://127.0.0.1:9999/ws/v5/private"), config.privateWsUrl());
    assertTrue(config.demo());
  }

  @Test
  void shouldNameTheMissingCredentialVariables() {
    final Map<String, String> env = keys();
    env.remove("OKX_PASSPHRASE");
    final IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OkxConfig.fromEnv("okx", env));
    assertTrue(e.getMessage().contains("OKX_PASSPHRASE"), e.getMessage());
  }

  @Test
  void shouldNeverShowTheSecretOrThePassphraseInToString() {
    final OkxConfig config = OkxConfig.fromEnv("okx", keys());
    final String text = config.toString() + config.credentials();
    assertFalse(text.contains("very-secret"), text);
    assertFalse(text.contains("pass phrase"), text);
    assertFalse(text.contains("key-1234abcd"), text);
    assertTrue(text.contains("****abcd"), text);
  }
}
