package dev.osprey.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OkxSignerTest {
  // Expected values computed independently with Python's hmac/hashlib/base64:
  //   base64.b64encode(hmac.new(secret, prehash, hashlib.sha256).digest())
  private static final OkxCredentials KEYS =
      new OkxCredentials("test-api-key", "test-secret-0123456789", "test-passphrase");
  private final OkxSigner signer = new OkxSigner(KEYS);

  @Test
  void shouldSignRestGetOverTimestampMethodPathAndQuery() {
    assertEquals(
        "BAJET7ckuUbbV0YantYCzxmG9513cvcy5FmbBvEetr4=",
        signer.sign(
            "2020-12-08T09:08:57.715Z",
            "GET",
            "/api/v5/trade/order?instId=BTC-USDT&clOrdId=abc123",
            ""));
  }

  @Test
  void shouldSignRestPostWithItsBody() {
    assertEquals(
        "+mMCbL9pgUSZP0IYrMK1CsezucLUR1qljC+ipsKqRTY=",
        signer.sign(
            "2020-12-08T09:08:57.715Z",
            "POST",
            "/api/v5/trade/order",
            "{\"instId\":\"BTC-USDT\",\"sz\":\"1\"}"));
  }

  @Test
  void shouldSignWebSocketLoginOverEpochSecondsGetVerify() {
    final Map<String, String> args = signer.loginArgs(1538054050L);
    assertEquals(
        Map.of(
            "apiKey", "test-api-key",
            "passphrase", "test-passphrase",
            "timestamp", "1538054050",
            "sign", "hI0pfL7GeA78hJl8CDoUH+Wx8wWA5M5dPmFrY7KwEJs="),
        args);
  }

  @Test
  void shouldPutTheFourAccessHeadersOnRestRequests() {
    final Map<String, String> headers =
        signer.restHeaders(
            "2020-12-08T09:08:57.715Z",
            "GET",
            "/api/v5/trade/order?instId=BTC-USDT&clOrdId=abc123",
            "");
    assertEquals(
        Map.of(
            "OK-ACCESS-KEY", "test-api-key",
            "OK-ACCESS-SIGN", "BAJET7ckuUbbV0YantYCzxmG9513cvcy5FmbBvEetr4=",
            "OK-ACCESS-TIMESTAMP", "2020-12-08T09:08:57.715Z",
            "OK-ACCESS-PASSPHRASE", "test-passphrase"),
        headers);
  }

  @Test
  void shouldFormatRestTimestampsWithExactlyThreeFractionDigits() {
    assertEquals(
        "2020-12-08T09:08:57.715Z",
        OkxTime.iso(java.time.Instant.parse("2020-12-08T09:08:57.715123Z")));
    assertEquals(
        "2020-12-08T09:08:57.000Z", OkxTime.iso(java.time.Instant.parse("2020-12-08T09:08:57Z")));
  }
}
