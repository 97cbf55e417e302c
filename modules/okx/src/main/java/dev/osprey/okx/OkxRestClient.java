package dev.osprey.okx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.exchange.venue.Lookups;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The REST calls of the connector (JDK HTTP client): instruments, one order by {@code clOrdId}, its
 * fills, pending and recent orders, balances, and for swaps the account's position mode and the
 * leverage (the one POST). Private requests are signed over exactly the path, query and body sent; demo requests carry {@code x-simulated-trading: 1}. An
 * answer whose {@code code} is not "0" fails the stage with an {@link OkxException}.
 */
final class OkxRestClient {
  /** OKX's code for "order does not exist". */
  static final String ORDER_NOT_FOUND = "51603";

  private final HttpClient http;
  private final OkxConfig config;
  private final String instType;
  private final OkxSigner signer;
  private final Clock clock;

  OkxRestClient(final HttpClient http, final OkxConfig config, final Clock clock) {
    this.http = http;
    this.config = config;
    this.instType = config.product().instType;
    this.signer = new OkxSigner(config.credentials());
    this.clock = clock;
  }

  /** OKX's clock, from {@code GET /api/v5/public/time}. */
  CompletableFuture<Instant> serverTime() {
    return get("/api/v5/public/time", Map.of(), false)
        .thenApply(
            root ->
                Instant.ofEpochMilli(
                    Long.parseLong(root.path("data").path(0).path("ts").asText())));
  }

  /** The instruments of the connector's product. */
  CompletableFuture<List<OkxMessages.InstrumentData>> instruments() {
    return get("/api/v5/public/instruments", Map.of("instType", instType), false)
        .thenApply(root -> OkxJson.list(root.get("data"), OkxMessages.InstrumentData.class));
  }

  /** The order {@code clOrdId} on {@code instId}; empty if OKX does not have it. */
  CompletableFuture<Optional<OkxMessages.OrderData>> order(
      final String instId, final String clOrdId) {
    return get("/api/v5/trade/order", Map.of("instId", instId, "clOrdId", clOrdId), true)
        .handle(
            (root, error) -> {
              if (error != null) {
                final Throwable cause = error.getCause() == null ? error : error.getCause();
                if (cause instanceof OkxException
                    && ORDER_NOT_FOUND.equals(((OkxException) cause).code())) {
                  return Optional.empty();
                }
                throw error instanceof RuntimeException
                    ? (RuntimeException) error
                    : new OkxException("look-up failed", error);
              }
              return OkxJson.list(root.get("data"), OkxMessages.OrderData.class).stream()
                  .findFirst();
            });
  }

  /** OKX's record of one order: the order and its fills. */
  record Snapshot(OkxMessages.OrderData order, List<OkxMessages.FillData> fills) {}

  /** Order {@code clOrdId} on {@code instId} with its fills; empty if OKX does not have it. */
  CompletableFuture<Optional<Snapshot>> snapshot(final String instId, final String clOrdId) {
    return Lookups.ifFound(
        order(instId, clOrdId),
        o -> fills(instId, o.ordId()).thenApply(f -> Optional.of(new Snapshot(o, f))));
  }

  CompletableFuture<List<OkxMessages.FillData>> fills(final String instId, final String ordId) {
    return get(
            "/api/v5/trade/fills",
            Map.of("instType", instType, "instId", instId, "ordId", ordId),
            true)
        .thenApply(root -> OkxJson.list(root.get("data"), OkxMessages.FillData.class));
  }

  /**
   * The instrument of order {@code clOrdId} when only its id is known (after a restart): OKX's
   * pending orders, then its recent (7-day) order history.
   */
  CompletableFuture<Optional<String>> findInstId(final String clOrdId) {
    return findIn("/api/v5/trade/orders-pending", clOrdId)
        .thenCompose(
            found ->
                found.isPresent()
                    ? CompletableFuture.completedFuture(found)
                    : findIn("/api/v5/trade/orders-history", clOrdId));
  }

  private CompletableFuture<Optional<String>> findIn(final String path, final String clOrdId) {
    return get(path, Map.of("instType", instType), true)
        .thenApply(
            root -> {
              for (OkxMessages.OrderData d :
                  OkxJson.list(root.get("data"), OkxMessages.OrderData.class)) {
                if (clOrdId.equals(d.clOrdId())) {
                  return Optional.of(d.instId());
                }
              }
              return Optional.empty();
            });
  }

  /** Available balance per currency. */
  CompletableFuture<Map<String, BigDecimal>> balances() {
    return get("/api/v5/account/balance", Map.of(), true)
        .thenApply(
            root -> {
              final Map<String, BigDecimal> out = new TreeMap<>();
              for (JsonNode account : root.path("data")) {
                for (OkxMessages.BalanceDetail d :
                    OkxJson.list(account.get("details"), OkxMessages.BalanceDetail.class)) {
                  final BigDecimal available = OkxJson.decimal(d.availBal());
                  if (d.ccy() != null && available != null) {
                    out.put(d.ccy(), available);
                  }
                }
              }
              return out;
            });
  }

  /** True when the account holds swap positions in hedge mode ({@code long_short_mode}). */
  CompletableFuture<Boolean> hedgeMode() {
    return get("/api/v5/account/config", Map.of(), true)
        .thenApply(
            root -> "long_short_mode".equals(root.path("data").path(0).path("posMode").asText()));
  }

  /** Sets the cross-margin leverage of {@code instId} (the account's, for every order on it). */
  CompletableFuture<Void> setLeverage(final String instId, final int leverage) {
    return send(
            "POST",
            "/api/v5/account/set-leverage",
            Map.of(),
            OkxJson.write(
                Map.of("instId", instId, "lever", Integer.toString(leverage), "mgnMode", "cross")),
            true)
        .thenApply(root -> null);
  }

  private CompletableFuture<JsonNode> get(
      final String path, final Map<String, String> query, final boolean signed) {
    return send("GET", path, query, "", signed);
  }

  private CompletableFuture<JsonNode> send(
      final String method,
      final String path,
      final Map<String, String> query,
      final String body,
      final boolean signed) {
    final String pathAndQuery = path + queryString(query);
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(config.urls().rest() + pathAndQuery))
            .timeout(config.timings().requestTimeout())
            .header("Accept", "application/json")
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (!body.isEmpty()) {
      request.header("Content-Type", "application/json");
    }
    if (config.demo()) {
      request.header("x-simulated-trading", "1");
    }
    if (signed) {
      signer
          .restHeaders(OkxTime.iso(clock.instant()), method, pathAndQuery, body)
          .forEach(request::header);
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(
            response -> {
              final JsonNode root;
              try {
                root = OkxJson.parse(response.body());
              } catch (IllegalArgumentException e) {
                throw new OkxException(
                    "",
                    "OKX " + path + " answered HTTP " + response.statusCode() + " without JSON");
              }
              final String code = OkxJson.text(root, "code");
              if (!"0".equals(code)) {
                throw new OkxException(
                    code,
                    "OKX "
                        + path
                        + " failed: "
                        + code
                        + " "
                        + OkxJson.text(root, "msg")
                        + " (HTTP "
                        + response.statusCode()
                        + ")");
              }
              return root;
            });
  }

  /** {@code ?k=v&...} in a stable order (the signature covers it verbatim). */
  private static String queryString(final Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    final StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(query).entrySet()) {
      out.append(out.length() == 0 ? '?' : '&')
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }
}
