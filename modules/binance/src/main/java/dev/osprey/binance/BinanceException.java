package dev.osprey.binance;

import java.time.Duration;
import java.util.Optional;

/**
 * An error Binance answered (its negative {@code code} and {@code msg}, with the HTTP status), or a
 * failure to reach it ({@code code} 0). The message is written for an operator: it names the code
 * and what to check, and never holds credentials.
 */
public final class BinanceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final int httpStatus;
  private final transient Duration retryAfter;

  public BinanceException(
      final int code, final int httpStatus, final String message, final Duration retryAfter) {
    super(message);
    this.code = code;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  /** Binance's error code (negative), or 0 when Binance did not answer. */
  public int code() {
    return code;
  }

  /** The HTTP status of the answer, or 0 when there was none. */
  public int httpStatus() {
    return httpStatus;
  }

  /** How long Binance asked to wait ({@code Retry-After} of a 429 or 418), when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * True when the request may or may not have been executed: no answer, a 5xx, or -1007 (Binance:
   * "execution status unknown"). Only a look-up can tell.
   */
  public boolean outcomeUnknown() {
    return code == 0 || code == BinanceErrors.TIMEOUT || httpStatus >= 500;
  }
}
