package dev.osprey.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OkxConfigTest {
  private static Map<String, String> keys() {
    final Map<String, String> env = new HashMap<>();
    env.put("OKX_API_KEY", "key-1234abcd");
    env.put("OKX_SECRET_KEY", "very-secret");
    env.put("OKX_PASSPHRASE", "pass phrase");
    return env;
  }

  @ParameterizedTest(name = "OKX_USE_DEMO={0}")
  @CsvSource(
      nullValues = "unset",
      value = {
        "unset, true, wss://wspap.okx.com:8443/ws/v5/public,"
            + " wss://wspap.okx.com:8443/ws/v5/private",
        "FALSE, false, wss://ws.okx.com:8443/ws/v5/public, wss://ws.okx.com:8443/ws/v5/private"
      })
  void shouldTradeDemoUnlessUseDemoIsFalse(
      final String useDemo, final boolean demo, final URI publicWs, final URI privateWs) {
    final Map<String, String> env = keys();
    if (useDemo != null) {
      env.put("OKX_USE_DEMO", useDemo);
    }
    final OkxConfig config = OkxConfig.fromEnv("okx", env);
    assertEquals(demo, config.demo());
    assertEquals(
        new OkxUrls(URI.create("https://www.okx.com"), publicWs, privateWs), config.urls());
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
    assertEquals(URI.create("http://127.0.0.1:9999"), config.urls().rest());
    assertEquals(URI.create("ws://127.0.0.1:9999/ws/v5/private"), config.urls().privateWs());
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
