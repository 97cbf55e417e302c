package dev.osprey.llm;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How the LLM policy reaches its model: any OpenAI-compatible chat-completions endpoint. The API
 * key comes from the environment only; {@link #toString} leaves it out, so the settings can be
 * logged.
 *
 * @param baseUrl the API root the client appends {@code /chat/completions} to, e.g. {@code
 *     https://api.openai.com/v1}
 * @param model the model name the endpoint knows
 * @param apiKey sent as {@code Authorization: Bearer …}; empty for an endpoint that needs none
 * @param maxToolRounds how many rounds of tool calls one tick may run before it ends unanswered
 * @param inputPricePerMillionTokensUsd what a million prompt tokens cost
 * @param outputPricePerMillionTokensUsd what a million completion tokens cost
 * @param requestTimeout the longest one call to the endpoint may take, answer included
 */
public record LlmSettings(
    String baseUrl,
    String model,
    String apiKey,
    int maxToolRounds,
    BigDecimal inputPricePerMillionTokensUsd,
    BigDecimal outputPricePerMillionTokensUsd,
    Duration requestTimeout) {

  public static final String ENV_BASE_URL = "OSPREY_LLM_BASE_URL";
  public static final String ENV_MODEL = "OSPREY_LLM_MODEL";
  public static final String ENV_API_KEY = "OSPREY_LLM_API_KEY";
  public static final String ENV_PRICE_IN_PER_M = "OSPREY_LLM_PRICE_IN_PER_M";
  public static final String ENV_PRICE_OUT_PER_M = "OSPREY_LLM_PRICE_OUT_PER_M";
  public static final String ENV_MAX_TOOL_ROUNDS = "OSPREY_LLM_MAX_TOOL_ROUNDS";
  public static final String ENV_REQUEST_TIMEOUT_SEC = "OSPREY_LLM_REQUEST_TIMEOUT_SEC";

  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  public static final int DEFAULT_MAX_TOOL_ROUNDS = 8;
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  public LlmSettings {
    final URI uri = URI.create(require(baseUrl, "baseUrl"));
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("baseUrl must be an http(s) URL, got " + baseUrl);
    }
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    require(model, "model");
    apiKey = apiKey == null ? "" : apiKey;
    if (maxToolRounds < 1) {
      throw new IllegalArgumentException("maxToolRounds must be at least 1, got " + maxToolRounds);
    }
    price(inputPricePerMillionTokensUsd, "inputPricePerMillionTokensUsd");
    price(outputPricePerMillionTokensUsd, "outputPricePerMillionTokensUsd");
    if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
    }
  }

  /**
   * Settings from environment variables: {@value #ENV_MODEL} (required), {@value #ENV_BASE_URL}
   * [{@value #DEFAULT_BASE_URL}], {@value #ENV_API_KEY} [none], {@value #ENV_PRICE_IN_PER_M} and
   * {@value #ENV_PRICE_OUT_PER_M} [0, USD per million tokens], {@value #ENV_MAX_TOOL_ROUNDS} [8],
   * {@value #ENV_REQUEST_TIMEOUT_SEC} [60].
   *
   * @param env the environment, e.g. {@code System.getenv()}
   */
  public static LlmSettings fromEnv(final Map<String, String> env) {
    if (env.get(ENV_MODEL) == null) {
      throw new IllegalArgumentException(ENV_MODEL + " is required: the model the endpoint serves");
    }
    return new LlmSettings(
        env.getOrDefault(ENV_BASE_URL, DEFAULT_BASE_URL),
        env.get(ENV_MODEL),
        env.getOrDefault(ENV_API_KEY, ""),
        whole(env, ENV_MAX_TOOL_ROUNDS, DEFAULT_MAX_TOOL_ROUNDS),
        decimal(env, ENV_PRICE_IN_PER_M),
        decimal(env, ENV_PRICE_OUT_PER_M),
        Duration.ofSeconds(
            whole(env, ENV_REQUEST_TIMEOUT_SEC, DEFAULT_REQUEST_TIMEOUT.toSeconds())));
  }

  /** The URL every call goes to, for messages. */
  public String endpoint() {
    return baseUrl + "/chat/completions";
  }

  /** Whether tokens cost anything; a free (local) model needs no usage report. */
  public boolean priced() {
    return inputPricePerMillionTokensUsd.signum() > 0
        || outputPricePerMillionTokensUsd.signum() > 0;
  }

  /** Everything but the key, which is only said to be set or not. */
  @Override
  public String toString() {
    return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model
        + ", apiKey=" + (apiKey.isEmpty() ? "(none)" : "(set)")
        + ", maxToolRounds=" + maxToolRounds
        + ", inputPricePerMillionTokensUsd=" + inputPricePerMillionTokensUsd.toPlainString()
        + ", outputPricePerMillionTokensUsd=" + outputPricePerMillionTokensUsd.toPlainString()
        + ", requestTimeout=" + requestTimeout + "]";
  }

  private static String require(final String value, final String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  private static void price(final BigDecimal value, final String name) {
    if (value == null || value.signum() < 0) {
      throw new IllegalArgumentException(name + " must be zero or more, got " + value);
    }
  }

  private static BigDecimal decimal(final Map<String, String> env, final String key) {
    final String raw = env.getOrDefault(key, "0");
    try {
      return new BigDecimal(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a decimal number, got '" + raw + "'");
    }
  }

  private static int whole(final Map<String, String> env, final String key, final long fallback) {
    final String raw = env.getOrDefault(key, "" + fallback);
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, got '" + raw + "'");
    }
  }
}
