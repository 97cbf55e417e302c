package dev.osprey.domain.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The id an executor gives an order before sending it, persisted before the order leaves so that
 * after a crash the executor can ask the venue about exactly this order instead of sending a
 * second one.
 *
 * <p>Derived deterministically from the executor id and the order's sequence number as {@code
 * <route key><sequence>}: the route key is 22 base-36 characters of a SHA-256 of the executor id
 * (112 bits, so two executor ids never share one in practice) and the sequence is base 36. The
 * result is at most 32 lowercase letters and digits, which every venue accepts (OKX {@code clOrdId}
 * is the strictest: 1-32 letters and digits). The executor id cannot be read back out of it: venue
 * events reach their executor through the route key, registered before the first order leaves.
 */
public record ClientOrderId(String value) {
  /** Length of the route key every client order id of one executor starts with. */
  public static final int ROUTE_KEY_LENGTH = 22;

  private static final int RADIX = 36;

  public ClientOrderId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("client order id must not be blank");
    }
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ClientOrderId of(final String value) {
    return new ClientOrderId(value);
  }

  /** The {@code sequence}-th (from 1) order of executor {@code executorId}. */
  public static ClientOrderId forExecutor(final String executorId, final int sequence) {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
    }
    return new ClientOrderId(routeKeyOf(executorId) + Integer.toString(sequence, RADIX));
  }

  /** The route key of every client order id of executor {@code executorId}. */
  public static String routeKeyOf(final String executorId) {
    final byte[] digest = sha256(executorId.getBytes(StandardCharsets.UTF_8));
    final byte[] head = new byte[14];
    System.arraycopy(digest, 0, head, 0, head.length);
    final String key = new BigInteger(1, head).toString(RADIX);
    // Left-padded to a fixed width, so the key is always the first ROUTE_KEY_LENGTH characters.
    return "0".repeat(ROUTE_KEY_LENGTH - key.length()) + key;
  }

  /**
   * The route key this id starts with: the key its executor registered before sending it. An id
   * not made by {@link #forExecutor} (one too short to hold a key) is its own key, which nothing
   * has registered.
   */
  public String routeKey() {
    return value.length() > ROUTE_KEY_LENGTH ? value.substring(0, ROUTE_KEY_LENGTH) : value;
  }

  private static byte[] sha256(final byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
