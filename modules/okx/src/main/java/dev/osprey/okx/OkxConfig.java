package dev.osprey.okx;

import dev.osprey.exchange.venue.SafeFlag;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how the connector talks to OKX. Demo trading unless {@code demo} is false: the demo
 * WebSocket hosts and the {@code x-simulated-trading: 1} header on every request. The base URLs can
 * be overridden (tests point them at the local simulator).
 *
 * @param connectorName the {@code connector_name} configs use, e.g. {@code okx}
 */
public record OkxConfig(
    String connectorName,
    boolean demo,
    OkxUrls urls,
    OkxCredentials credentials,
    OkxTimings timings) {

  public static final String USE_DEMO_ENV = "OKX_USE_DEMO";
  public static final String REST_URL_ENV = "OKX_REST_URL";
  public static final String WS_PUBLIC_URL_ENV = "OKX_WS_PUBLIC_URL";
  public static final String WS_PRIVATE_URL_ENV = "OKX_WS_PRIVATE_URL";

  public static final URI REST_URL = URI.create("https://www.okx.com");
  public static final OkxUrls LIVE_URLS =
      new OkxUrls(
          REST_URL,
          URI.create("wss://ws.okx.com:8443/ws/v5/public"),
          URI.create("wss://ws.okx.com:8443/ws/v5/private"));
  public static final OkxUrls DEMO_URLS =
      new OkxUrls(
          REST_URL,
          URI.create("wss://wspap.okx.com:8443/ws/v5/public"),
          URI.create("wss://wspap.okx.com:8443/ws/v5/private"));

  public OkxConfig {
    Objects.requireNonNull(connectorName, "connectorName");
    Objects.requireNonNull(urls, "urls");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(timings, "timings");
  }

  /** What this connector trades, by its name: {@code *_perpetual} trades swaps, others spot. */
  OkxProduct product() {
    return OkxProduct.of(connectorName);
  }

  /** OKX's own hosts: demo or production. */
  public static OkxConfig of(
      final String connectorName, final boolean demo, final OkxCredentials credentials) {
    return new OkxConfig(
        connectorName, demo, demo ? DEMO_URLS : LIVE_URLS, credentials, OkxTimings.DEFAULT);
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
    return of(connectorName, useDemo(env.get(USE_DEMO_ENV)), credentials)
        .withUrlOverrides(
            env.get(REST_URL_ENV), env.get(WS_PUBLIC_URL_ENV), env.get(WS_PRIVATE_URL_ENV));
  }

  /**
   * Whether an {@code OKX_USE_DEMO} value selects demo trading: {@code true} unless it is {@code
   * false} (any case); blank or null is {@code true}.
   *
   * @throws IllegalArgumentException if the value is neither true nor false
   */
  public static boolean useDemo(final String value) {
    return SafeFlag.onUnlessFalse(USE_DEMO_ENV, value);
  }

  private static URI uriOr(final String value, final URI fallback) {
    return value == null || value.isBlank() ? fallback : URI.create(value.trim());
  }

  /** This config with each URL given (not null or blank) in place of its own. */
  public OkxConfig withUrlOverrides(
      final String rest, final String publicWs, final String privateWs) {
    return withUrls(
        new OkxUrls(
            uriOr(rest, urls.rest()),
            uriOr(publicWs, urls.publicWs()),
            uriOr(privateWs, urls.privateWs())));
  }

  /** This config with other base URLs (the local simulator's, in tests). */
  public OkxConfig withUrls(final OkxUrls other) {
    return new OkxConfig(connectorName, demo, other, credentials, timings);
  }

  /** This config with other reconnect delays and request timeout. */
  public OkxConfig withTimings(final OkxTimings other) {
    return new OkxConfig(connectorName, demo, urls, credentials, other);
  }
}
