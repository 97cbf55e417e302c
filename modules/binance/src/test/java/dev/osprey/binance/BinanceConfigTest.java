package dev.osprey.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinanceConfigTest {
  private static final Map<String, String> KEYS =
      Map.of("BINANCE_API_KEY", "key-abcd1234", "BINANCE_SECRET_KEY", "the-secret");

  @Test
  void shouldUseTheSpotTestnetUnlessToldFalse() {
    final BinanceConfig config = BinanceConfig.fromEnv("binance", KEYS);
    assertTrue(config.testnet());
    assertEquals(URI.create("https://testnet.binance.vision"), config.restUrl());
    assertEquals(URI.create("wss://stream.testnet.binance.vision"), config.wsUrl());
  }

  @Test
  void shouldTradeLiveOnlyWithFalse() {
    final Map<String, String> env = new java.util.HashMap<>(KEYS);
    env.put("BINANCE_USE_TESTNET", "false");
    final BinanceConfig config = BinanceConfig.fromEnv("binance", env);
    assertFalse(config.testnet());
    assertEquals(URI.create("https://api.binance.com"), config.restUrl());
    assertEquals(URI.create("wss://stream.binance.com:9443"), config.wsUrl());
  }

  @Test
  void shouldRefuseAnythingButTrueOrFalse() {
    final IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BinanceConfig.useTestnet("no"));
    assertTrue(e.getMessage().contains("BINANCE_USE_TESTNET"), e.getMessage());
    assertTrue(BinanceConfig.useTestnet(""));
    assertTrue(BinanceConfig.useTestnet("true"));
  }

  @Test
  void shouldNeedBothCredentials() {
    assertThrows(
        IllegalArgumentException.class,
        () -> BinanceConfig.fromEnv("binance", Map.of("BINANCE_API_KEY", "k")));
    assertTrue(BinanceCredentials.of("k", " ").isEmpty());
  }

  @Test
  void shouldNeverShowTheSecretOrMoreThanTheKeysLastFourCharacters() {
    final String shown = BinanceConfig.fromEnv("binance", KEYS).toString();
    assertFalse(shown.contains("the-secret"), shown);
    assertFalse(shown.contains("key-abcd"), shown);
    assertTrue(shown.contains("****1234"), shown);
  }

  @Test
  void shouldTakeUrlOverrides() {
    final BinanceConfig config =
        BinanceConfig.fromEnv("binance", KEYS)
            .withUrlOverrides("http://127.0.0.1:1234", "ws://127.0.0.1:1234");
    assertEquals(URI.create("http://127.0.0.1:1234"), config.restUrl());
    assertEquals(URI.create("ws://127.0.0.1:1234"), config.wsUrl());
  }
}
