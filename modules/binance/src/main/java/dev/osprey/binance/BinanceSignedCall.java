package dev.osprey.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed Binance requests XChange cannot make: its order look-up and cancel take a primitive {@code
 * orderId}, which it therefore always sends ({@code orderId=0}), and Binance then looks up order 0
 * instead of the client order id. These two go out here, on the JDK's HTTP client: parameters plus
 * {@code recvWindow} and {@code timestamp} (on Binance's time), signed with HMAC-SHA256 of the
 * query string in hex, the key in {@code X-MBX-APIKEY}.
 */
final class BinanceSignedCall {
  private static final ObjectMapper JSON = BinanceJson.MAPPER;

  private final HttpClient http;
  private final BinanceConfig config;
  private final Clock venueClock;

  /** Its own JDK HTTP client: only these two calls use one (XChange has its own). */
  BinanceSignedCall(final BinanceConfig config, final Clock venueClock) {
    this.http = HttpClient.newBuilder().connectTimeout(config.timings().requestTimeout()).build();
    this.config = config;
    this.venueClock = venueClock;
  }

  /**
   * Sends {@code method path?params&recvWindow&timestamp&signature}; completes with the JSON
   * answer, or fails with a {@link BinanceException} (Binance's code, or 0 when it did not answer).
   */
  CompletableFuture<JsonNode> send(
      final String method, final String path, final Map<String, String> params) {
    final Map<String, String> all = new LinkedHashMap<>(params);
    all.put("recvWindow", Long.toString(config.timings().recvWindow().toMillis()));
    all.put("timestamp", Long.toString(venueClock.millis()));
    final String query = query(all);
    final String signed = query + "&signature=" + sign(config.credentials().secretKey(), query);
    final HttpRequest request =
        HttpRequest.newBuilder(URI.create(config.restUrl() + path + "?" + signed))
            .timeout(config.timings().requestTimeout())
            .header("X-MBX-APIKEY", config.credentials().apiKey())
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, error) -> {
              if (error != null) {
                throw new BinanceException(
                    0, 0, "Binance not reached (" + method + " " + path + "): " + error, null);
              }
              return parse(method, path, response);
            });
  }

  private static JsonNode parse(
      final String method, final String path, final HttpResponse<String> response) {
    final JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new BinanceException(
          0, response.statusCode(), method + " " + path + ": not JSON: " + e.getMessage(), null);
    }
    if (response.statusCode() / 100 == 2) {
      return body;
    }
    final int code = body.path("code").asInt(0);
    throw new BinanceException(
        code,
        response.statusCode(),
        BinanceErrors.describe(code, body.path("msg").asText("")),
        retryAfter(response.headers().firstValue("Retry-After")));
  }

  static Duration retryAfter(final Optional<String> header) {
    try {
      return header.map(v -> Duration.ofSeconds(Long.parseLong(v.trim()))).orElse(null);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String query(final Map<String, String> params) {
    final StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  /** Lower-case hex HMAC-SHA256 of {@code payload} with {@code secret}, as Binance signs. */
  static String sign(final String secret, final String payload) {
    try {
      final Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
