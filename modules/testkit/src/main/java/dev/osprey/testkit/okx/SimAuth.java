package dev.osprey.testkit.okx;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulator's check of OKX signatures, written apart from the connector's signer on purpose: a
 * connector test passes only if both agree with OKX's documented recipe.
 */
final class SimAuth {
  private SimAuth() {}

  /** How far a request's timestamp may be from the venue's clock, as OKX allows. */
  private static final long MAX_SKEW_MS = 30_000;

  /**
   * Null when the login args are right at {@code nowMs}, else {@code code:message} as OKX answers.
   */
  static String checkLogin(final JsonNode args, final long nowMs) {
    if (!OkxSimulator.API_KEY.equals(args.path("apiKey").asText())) {
      return "60005:Invalid apiKey";
    }
    if (!OkxSimulator.PASSPHRASE.equals(args.path("passphrase").asText())) {
      return "60024:Wrong passphrase";
    }
    final String timestamp = args.path("timestamp").asText();
    try {
      if (Math.abs(Long.parseLong(timestamp) * 1000 - nowMs) > MAX_SKEW_MS) {
        return "60006:Timestamp request expired";
      }
    } catch (NumberFormatException e) {
      return "60004:Invalid timestamp";
    }
    final String expected = sign(timestamp + "GET" + "/users/self/verify");
    return equal(expected, args.path("sign").asText()) ? null : "60007:Invalid sign";
  }

  /**
   * Null when the REST headers sign {@code method pathAndQuery body}, else {@code code:message}.
   */
  static String checkRest(
      final String key,
      final String passphrase,
      final String timestamp,
      final String signature,
      final String method,
      final String pathAndQuery,
      final String body,
      final long nowMs) {
    if (!OkxSimulator.API_KEY.equals(key)) {
      return "50111:Invalid OK-ACCESS-KEY";
    }
    if (!OkxSimulator.PASSPHRASE.equals(passphrase)) {
      return "50105:Invalid OK-ACCESS-PASSPHRASE";
    }
    if (timestamp == null || timestamp.isBlank()) {
      return "50107:OK-ACCESS-TIMESTAMP is required";
    }
    try {
      if (Math.abs(java.time.Instant.parse(timestamp).toEpochMilli() - nowMs) > MAX_SKEW_MS) {
        return "50102:Timestamp request expired";
      }
    } catch (java.time.format.DateTimeParseException e) {
      return "50112:Invalid OK-ACCESS-TIMESTAMP";
    }
    return equal(sign(timestamp + method + pathAndQuery + body), signature)
        ? null
        : "50113:Invalid Sign";
  }

  private static String sign(final String prehash) {
    try {
      final Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              OkxSimulator.SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean equal(final String a, final String b) {
    return b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
