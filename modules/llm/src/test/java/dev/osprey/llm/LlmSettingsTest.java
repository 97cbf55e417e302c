package dev.osprey.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {
  @Test
  void shouldReadEnvironmentWithDefaults() {
    final LlmSettings s = LlmSettings.fromEnv(Map.of(
        "OSPREY_LLM_MODEL", "gpt-4.1-mini",
        "OSPREY_LLM_API_KEY", "sk-secret",
        "OSPREY_LLM_PRICE_IN_PER_M", "0.40",
        "OSPREY_LLM_PRICE_OUT_PER_M", "1.60"));

    assertEquals(new LlmSettings("https://api.openai.com/v1", "gpt-4.1-mini", "sk-secret", 8,
        new BigDecimal("0.40"), new BigDecimal("1.60"), Duration.ofSeconds(60)), s);
    assertEquals("https://api.openai.com/v1/chat/completions", s.endpoint());
  }

  @Test
  void shouldReadEveryKnob() {
    final LlmSettings s = LlmSettings.fromEnv(Map.of(
        "OSPREY_LLM_BASE_URL", "http://127.0.0.1:11434/v1/",
        "OSPREY_LLM_MODEL", "qwen3",
        "OSPREY_LLM_MAX_TOOL_ROUNDS", "4",
        "OSPREY_LLM_REQUEST_TIMEOUT_SEC", "120"));

    assertEquals("http://127.0.0.1:11434/v1", s.baseUrl());
    assertEquals("", s.apiKey());
    assertEquals(4, s.maxToolRounds());
    assertEquals(Duration.ofSeconds(120), s.requestTimeout());
    assertFalse(s.priced());
  }

  @Test
  void shouldNeverShowTheKey() {
    final LlmSettings s = LlmSettings.fromEnv(Map.of("OSPREY_LLM_MODEL", "m", "OSPREY_LLM_API_KEY", "sk-secret"));

    assertFalse(s.toString().contains("sk-secret"), s.toString());
    assertTrue(s.toString().contains("apiKey=(set)"), s.toString());
  }

  @Test
  void shouldRefuseWhatCannotWork() {
    assertThrows(IllegalArgumentException.class, () -> LlmSettings.fromEnv(Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> LlmSettings.fromEnv(Map.of("OSPREY_LLM_MODEL", "m", "OSPREY_LLM_BASE_URL", "ftp://x")));
    assertThrows(IllegalArgumentException.class,
        () -> LlmSettings.fromEnv(Map.of("OSPREY_LLM_MODEL", "m", "OSPREY_LLM_PRICE_IN_PER_M", "-1")));
    assertThrows(IllegalArgumentException.class,
        () -> LlmSettings.fromEnv(Map.of("OSPREY_LLM_MODEL", "m", "OSPREY_LLM_MAX_TOOL_ROUNDS", "0")));
  }
}
