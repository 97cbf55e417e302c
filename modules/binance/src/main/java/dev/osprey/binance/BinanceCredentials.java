package dev.osprey.binance;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Binance API key and its secret (HMAC). Read from the environment or configuration only; never
 * persisted. {@link #toString} shows only the key's last four characters, so a logged config or an
 * exception message cannot leak the secret.
 */
public record BinanceCredentials(String apiKey, String secretKey) {
  public static final String API_KEY_ENV = "BINANCE_API_KEY";
  public static final String SECRET_KEY_ENV = "BINANCE_SECRET_KEY";

  public BinanceCredentials {
    Objects.requireNonNull(apiKey, API_KEY_ENV);
    Objects.requireNonNull(secretKey, SECRET_KEY_ENV);
    if (apiKey.isBlank() || secretKey.isBlank()) {
      throw new IllegalArgumentException(API_KEY_ENV + " and " + SECRET_KEY_ENV + " must be set");
    }
  }

  /** The credentials in {@code env}, if both variables are set and not blank. */
  public static Optional<BinanceCredentials> fromEnv(final Map<String, String> env) {
    return of(env.get(API_KEY_ENV), env.get(SECRET_KEY_ENV));
  }

  /** These credentials, if both are given and not blank. */
  public static Optional<BinanceCredentials> of(final String key, final String secret) {
    if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new BinanceCredentials(key.trim(), secret.trim()));
  }

  @Override
  public String toString() {
    final String tail = apiKey.length() > 4 ? apiKey.substring(apiKey.length() - 4) : "";
    return "BinanceCredentials[apiKey=****" + tail + ", secretKey=****]";
  }
}
