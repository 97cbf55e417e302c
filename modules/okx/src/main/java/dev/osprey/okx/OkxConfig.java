package dev.osprey.okx;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how the connector talks to OKX. Demo trading unless {@code demo} is false: the demo
 * WebSocket hosts and the {@code x-simulated-trading: 1} header on every request. The base URLs can
 * be overridden (tests point them at the local simulator).
 *
 * @param connectorName the {@code connector_name} configs use, e.g. {@code okx}
 * @param restUrl scheme and host of the REST API, without a trailing slash
 * @param reconnectMin first delay before reconnecting a dropped socket, doubled up to {@code
 *     reconnectMax}
 * @param requestTimeout how long a REST request or a WebSocket op may take before it fails
 */
public record OkxConfig(
    String connectorName,
    boolean demo,
    URI restUrl,
    URI publicWsUrl,
    URI privateWsUrl,
    OkxCredentials credentials,
    Duration reconnectMin,
    Duration reconnectMax,
    Duration requestTimeout) {

  public static final String USE_DEMO_ENV = "OKX_USE_DEMO";
  public static final String REST_URL_ENV = "OKX_REST_URL";
  public static final String WS_PUBLIC_URL_ENV = "OKX_WS_PUBLIC_URL";
  public static final String WS_PRIVATE_URL_ENV = "OKX_WS_PRIVATE_URL";

  public static final URI REST_URL = URI.create("https://www.okx.com");
  public static final URI LIVE_PUBLIC_WS = URI.create("wss://ws.okx.com:8443/ws/v5/public");
  public static final URI LIVE_PRIVATE_WS = URI.create("wss://ws.okx.com:8443/ws/v5/private");
  public static final URI DEMO_PUBLIC_WS = URI.create("wss://wspap.okx.com:8443/ws/v5/public");
  public static final URI DEMO_PRIVATE_WS = URI.create("wss://wspap.okx.com:8443/ws/v5/private");

  public OkxConfig {
    Objects.requireNonNull(connectorName, "connectorName");
    Objects.requireNonNull(restUrl, "restUrl");
    Objects.requireNonNull(publicWsUrl, "publicWsUrl");
    Objects.requireNonNull(privateWsUrl, "privateWsUrl");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(reconnectMin, "reconnectMin");
    Objects.requireNonNull(reconnectMax, "reconnectMax");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (reconnectMin.isNegative() || reconnectMax.compareTo(reconnectMin) < 0) {
      throw new IllegalArgumentException("need 0 <= reconnectMin <= reconnectMax");
    }
  }

  /** OKX's own hosts: demo or production. */
  public static OkxConfig of(
      final String connectorName, final boolean demo, final OkxCredentials credentials) {
    return new OkxConfig(
        connectorName,
        demo,
        REST_URL,
        demo ? DEMO_PUBLIC_WS : LIVE_PUBLIC_WS,
        demo ? DEMO_PRIVATE_WS : LIVE_PRIVATE_WS,
        credentials,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10));
  }

  /**
   * The config in {@code env}: {@code OKX_USE_DEMO} (default {@code true}; only {@code false}
   * selects production), the three credential variables, and optional URL overrides.
   *
   * @throws IllegalArgumentException if a credential is missing or {@code OKX_USE_DEMO} is neither
   *     true nor false
   */
  public static OkxConfig fromEnv(final String connectorName, final Map<String, String> env) {
    final OkxCredentials credentials =
        OkxCredentials.fromEnv(env)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "OKX needs "
                            + OkxCredentials.API_KEY_ENV
                            + ", "
                            + OkxCredentials.SECRET_KEY_ENV
                            + " and "
                            + OkxCredentials.PASSPHRASE_ENV));
    final OkxConfig defaults = of(connectorName, useDemo(env.get(USE_DEMO_ENV)), credentials);
    return defaults.withUrls(
        uriOr(env.get(REST_URL_ENV), defaults.restUrl),
        uriOr(env.get(WS_PUBLIC_URL_ENV), defaults.publicWsUrl),
        uriOr(env.get(WS_PRIVATE_URL_ENV), defaults.privateWsUrl));
  }

  static boolean useDemo(final String value) {
    if (value == null || value.isBlank()) {
      return true;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new IllegalArgumentException(
            USE_DEMO_ENV + " must be true or false, was '" + value + "'");
    }
  }

  private static URI uriOr(final String value, final URI fallback) {
    return value == null || value.isBlank() ? fallback : URI.create(value.trim());
  }

  /** This config with other base URLs (the local simulator's, in tests). */
  public OkxConfig withUrls(final URI rest, final URI publicWs, final URI privateWs) {
    return new OkxConfig(
        connectorName,
        demo,
        rest,
        publicWs,
        privateWs,
        credentials,
        reconnectMin,
        reconnectMax,
        requestTimeout);
  }

  /** This config with other reconnect delays and request timeout. */
  public OkxConfig withTimings(final Duration min, final Duration max, final Duration timeout) {
    return new OkxConfig(
        connectorName, demo, restUrl, publicWsUrl, privateWsUrl, credentials, min, max, timeout);
  }
}
