package dev.osprey.okx;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OKX v5 request signatures: Base64 of HMAC-SHA256, keyed by the secret, over {@code timestamp +
 * METHOD + requestPath + body}. REST uses an ISO-8601 millisecond timestamp and the path with its
 * query string; the WebSocket login signs epoch seconds + {@code GET /users/self/verify}.
 */
public final class OkxSigner {
  /** The path the WebSocket login signs, as OKX documents it. */
  public static final String WS_LOGIN_PATH = "/users/self/verify";

  private final OkxCredentials credentials;

  public OkxSigner(final OkxCredentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  /** The signature of one request. */
  public String sign(
      final String timestamp, final String method, final String requestPath, final String body) {
    final String prehash = timestamp + method + requestPath + (body == null ? "" : body);
    return hmacSha256Base64(credentials.secretKey(), prehash);
  }

  /**
   * The {@code OK-ACCESS-*} headers of a REST request.
   *
   * @param isoTimestamp e.g. {@code 2020-12-08T09:08:57.715Z}
   * @param requestPath path and query string, e.g. {@code /api/v5/trade/order?instId=BTC-USDT}
   */
  public Map<String, String> restHeaders(
      final String isoTimestamp, final String method, final String requestPath, final String body) {
    final Map<String, String> headers = new LinkedHashMap<>();
    headers.put("OK-ACCESS-KEY", credentials.apiKey());
    headers.put("OK-ACCESS-SIGN", sign(isoTimestamp, method, requestPath, body));
    headers.put("OK-ACCESS-TIMESTAMP", isoTimestamp);
    headers.put("OK-ACCESS-PASSPHRASE", credentials.passphrase());
    return headers;
  }

  /** The one argument of a WebSocket {@code login} op at {@code epochSeconds}. */
  public Map<String, String> loginArgs(final long epochSeconds) {
    final String timestamp = Long.toString(epochSeconds);
    final Map<String, String> args = new LinkedHashMap<>();
    args.put("apiKey", credentials.apiKey());
    args.put("passphrase", credentials.passphrase());
    args.put("timestamp", timestamp);
    args.put("sign", sign(timestamp, "GET", WS_LOGIN_PATH, ""));
    return args;
  }

  static String hmacSha256Base64(final String secret, final String message) {
    try {
      final Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
