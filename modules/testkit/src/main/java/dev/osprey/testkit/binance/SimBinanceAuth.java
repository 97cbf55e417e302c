package dev.osprey.testkit.binance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulator's own check of Binance's request signing (its code, not the connector's): the key
 * in {@code X-MBX-APIKEY}, {@code signature} = hex HMAC-SHA256 with the secret over the query
 * string (without the signature) followed by the request body, and a {@code timestamp} no more than
 * {@code recvWindow} (default 5000 ms) behind the venue's clock nor 1 s ahead.
 */
final class SimBinanceAuth {
  private SimBinanceAuth() {}

  /** Null when the request is properly signed, else Binance's {@code status:code:msg}. */
  static String check(
      final String apiKey,
      final String secret,
      final String keyHeader,
      final String rawQuery,
      final String body,
      final Map<String, String> params,
      final long nowMs) {
    if (keyHeader == null || !keyHeader.equals(apiKey)) {
      return "401:-2015:Invalid API-key, IP, or permissions for action.";
    }
    final String signature = params.get("signature");
    if (signature == null) {
      return "400:-1102:Mandatory parameter 'signature' was not sent, was empty/null, or"
          + " malformed.";
    }
    final String payload = withoutSignature(rawQuery) + (body == null ? "" : body);
    final byte[] expected = hmac(secret, payload).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      return "400:-1022:Signature for this request is not valid.";
    }
    final long ts;
    try {
      ts = Long.parseLong(params.getOrDefault("timestamp", ""));
    } catch (NumberFormatException e) {
      return "400:-1102:Mandatory parameter 'timestamp' was not sent, was empty/null, or"
          + " malformed.";
    }
    final long window = Long.parseLong(params.getOrDefault("recvWindow", "5000"));
    if (ts > nowMs + 1_000 || nowMs - ts > window) {
      return "400:-1021:Timestamp for this request is outside of the recvWindow.";
    }
    return null;
  }

  private static String withoutSignature(final String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    final StringBuilder out = new StringBuilder();
    for (String part : rawQuery.split("&")) {
      if (!part.startsWith("signature=")) {
        out.append(out.length() == 0 ? "" : "&").append(part);
      }
    }
    return out.toString();
  }

  private static String hmac(final String secret, final String payload) {
    try {
      final Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      final StringBuilder hex = new StringBuilder();
      for (byte b : mac.doFinal(payload.getBytes(StandardCharsets.UTF_8))) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
