package dev.osprey.binance;

import dev.osprey.exchange.venue.SafeFlag;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how the connector talks to Binance spot. The spot testnet unless {@code testnet} is
 * false. The base URLs can be overridden (tests point them at the local simulator).
 *
 * @param connectorName the {@code connector_name} configs use, e.g. {@code binance}
 */
public record BinanceConfig(
    String connectorName,
    boolean testnet,
    Urls urls,
    BinanceCredentials credentials,
    Timings timings) {

  public static final String USE_TESTNET_ENV = "BINANCE_USE_TESTNET";
  public static final String REST_URL_ENV = "BINANCE_REST_URL";
  public static final String WS_URL_ENV = "BINANCE_WS_URL";

  /**
   * Where Binance is.
   *
   * @param rest REST base, e.g. {@code https://testnet.binance.vision}
   * @param ws WebSocket streams base; streams are {@code <ws>/ws} and {@code <ws>/ws/<listenKey>}
   */
  public record Urls(URI rest, URI ws) {
    public static final Urls TESTNET =
        new Urls(
            URI.create("https://testnet.binance.vision"),
            URI.create("wss://stream.testnet.binance.vision"));
    public static final Urls LIVE =
        new Urls(
            URI.create("https://api.binance.com"), URI.create("wss://stream.binance.com:9443"));

    public Urls {
      Objects.requireNonNull(rest, "restUrl");
      Objects.requireNonNull(ws, "wsUrl");
    }
  }

  /**
   * Delays and windows.
   *
   * @param reconnectMin first reconnect delay, doubled per failed attempt
   * @param reconnectMax longest reconnect delay
   * @param requestTimeout how long a REST call or a WebSocket handshake may take
   * @param listenKeyKeepAlive how often the user-data stream's listen key is renewed (Binance
   *     closes it after 60 min without)
   * @param recvWindow how long after its timestamp Binance may still execute a signed request
   */
  public record Timings(
      Duration reconnectMin,
      Duration reconnectMax,
      Duration requestTimeout,
      Duration listenKeyKeepAlive,
      Duration recvWindow) {
    public static final Timings DEFAULT =
        new Timings(
            Duration.ofMillis(500),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            Duration.ofMinutes(30),
            Duration.ofSeconds(5));
  }

  public BinanceConfig {
    Objects.requireNonNull(connectorName, "connectorName");
    Objects.requireNonNull(urls, "urls");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(timings, "timings");
  }

  /** The REST base URL. */
  public URI restUrl() {
    return urls.rest();
  }

  /** The WebSocket streams' base URL. */
  public URI wsUrl() {
    return urls.ws();
  }

  /** Binance's own hosts: the spot testnet or production. */
  public static BinanceConfig of(
      final String connectorName, final boolean testnet, final BinanceCredentials credentials) {
    return new BinanceConfig(
        connectorName, testnet, testnet ? Urls.TESTNET : Urls.LIVE, credentials, Timings.DEFAULT);
  }

  /**
   * The config in {@code env}: {@code BINANCE_USE_TESTNET} (default {@code true}; only {@code
   * false} selects production), both credential variables, and optional URL overrides.
   *
   * @throws IllegalArgumentException if a credential is missing or {@code BINANCE_USE_TESTNET} is
   *     neither true nor false
   */
  public static BinanceConfig fromEnv(final String connectorName, final Map<String, String> env) {
    final BinanceCredentials credentials =
        BinanceCredentials.fromEnv(env)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Binance needs "
                            + BinanceCredentials.API_KEY_ENV
                            + " and "
                            + BinanceCredentials.SECRET_KEY_ENV));
    return of(connectorName, useTestnet(env.get(USE_TESTNET_ENV)), credentials)
        .withUrlOverrides(env.get(REST_URL_ENV), env.get(WS_URL_ENV));
  }

  /**
   * Whether a {@code BINANCE_USE_TESTNET} value selects the testnet: blank, null or {@code true}
   * do; only {@code false} selects production (real money), so a typo cannot.
   *
   * @throws IllegalArgumentException if the value is neither true nor false
   */
  public static boolean useTestnet(final String value) {
    return SafeFlag.onUnlessFalse(USE_TESTNET_ENV, value);
  }

  /** This config with each URL given (not null or blank) in place of its own. */
  public BinanceConfig withUrlOverrides(final String rest, final String ws) {
    final Urls other = new Urls(uriOr(rest, urls.rest()), uriOr(ws, urls.ws()));
    return new BinanceConfig(connectorName, testnet, other, credentials, timings);
  }

  /** This config with other delays and windows. */
  public BinanceConfig withTimings(final Timings other) {
    return new BinanceConfig(connectorName, testnet, urls, credentials, other);
  }

  private static URI uriOr(final String value, final URI fallback) {
    return value == null || value.isBlank() ? fallback : URI.create(value.trim());
  }
}
