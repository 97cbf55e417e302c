package dev.osprey.okx;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OKX API key: key, secret and passphrase. Read from the environment or configuration only;
 * never persisted. {@link #toString} shows only the key's last four characters so that a logged
 * config or an exception message cannot leak the secret or the passphrase.
 */
public record OkxCredentials(String apiKey, String secretKey, String passphrase) {
  public static final String API_KEY_ENV = "OKX_API_KEY";
  public static final String SECRET_KEY_ENV = "OKX_SECRET_KEY";
  public static final String PASSPHRASE_ENV = "OKX_PASSPHRASE";

  public OkxCredentials {
    requireText(apiKey, API_KEY_ENV);
    requireText(secretKey, SECRET_KEY_ENV);
    requireText(passphrase, PASSPHRASE_ENV);
  }

  /** The credentials in {@code env}, if all three variables are set and not blank. */
  public static Optional<OkxCredentials> fromEnv(final Map<String, String> env) {
    return of(env.get(API_KEY_ENV), env.get(SECRET_KEY_ENV), env.get(PASSPHRASE_ENV));
  }

  /** These credentials, if all three are given and not blank. */
  public static Optional<OkxCredentials> of(
      final String key, final String secret, final String passphrase) {
    if (isBlank(key) || isBlank(secret) || isBlank(passphrase)) {
      return Optional.empty();
    }
    return Optional.of(new OkxCredentials(key.trim(), secret.trim(), passphrase));
  }

  private static void requireText(final String value, final String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static boolean isBlank(final String s) {
    return s == null || s.isBlank();
  }

  @Override
  public String toString() {
    final String tail = apiKey.length() > 4 ? apiKey.substring(apiKey.length() - 4) : "";
    return "OkxCredentials[apiKey=****" + tail + ", secretKey=****, passphrase=****]";
  }
}
