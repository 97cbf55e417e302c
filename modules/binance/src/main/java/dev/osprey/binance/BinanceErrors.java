package dev.osprey.binance;

import dev.osprey.domain.order.RejectReason;
import java.util.Map;

/** Binance's error codes that change what the connector does, and how to explain them. */
final class BinanceErrors {
  /** -1003: too much request weight (HTTP 429; 418 once IP-banned). */
  static final int TOO_MANY_REQUESTS = -1003;

  /** -1007: Binance's backend did not answer in time; the order may or may not exist. */
  static final int TIMEOUT = -1007;

  /** -1015: too many new orders. */
  static final int TOO_MANY_ORDERS = -1015;

  /** -1021: the timestamp is outside the recvWindow (the clocks drifted apart). */
  static final int TIMESTAMP = -1021;

  /** -1022: the signature does not match (wrong secret key). */
  static final int BAD_SIGNATURE = -1022;

  /** -2010: new order rejected (balance, would take liquidity, ...). */
  static final int NEW_ORDER_REJECTED = -2010;

  /** -2011: cancel rejected; "Unknown order sent." when it is done or not there. */
  static final int CANCEL_REJECTED = -2011;

  /** -2013: "Order does not exist." */
  static final int NO_SUCH_ORDER = -2013;

  /** -2014: the API key's format is invalid. */
  static final int BAD_API_KEY_FORMAT = -2014;

  /** -2015: invalid API key, IP, or permissions for the action. */
  static final int REJECTED_KEY = -2015;

  private static final Map<Integer, String> HINTS =
      Map.of(
          TOO_MANY_REQUESTS,
          "request weight limit reached",
          TOO_MANY_ORDERS,
          "order rate limit reached",
          TIMESTAMP,
          "timestamp outside the recvWindow: the connector re-reads Binance's time",
          BAD_SIGNATURE,
          "signature rejected: check BINANCE_SECRET_KEY",
          BAD_API_KEY_FORMAT,
          "API key format invalid: check BINANCE_API_KEY",
          REJECTED_KEY,
          "API key rejected: check BINANCE_API_KEY and BINANCE_SECRET_KEY, the key's trading"
              + " permission and IP restriction, and that a testnet key is used with"
              + " BINANCE_USE_TESTNET=true (and a live key with false)");

  private BinanceErrors() {}

  /** True for the codes that mean the key itself is refused: retrying cannot help. */
  static boolean isKeyRejected(final int code) {
    return code == REJECTED_KEY || code == BAD_API_KEY_FORMAT || code == BAD_SIGNATURE;
  }

  /** -2010 "Duplicate order sent.": Binance has an open order with this client order id. */
  static boolean isDuplicate(final BinanceException e) {
    return e.code() == NEW_ORDER_REJECTED
        && String.valueOf(e.getMessage()).contains("Duplicate order");
  }

  static boolean isRateLimit(final int code) {
    return code == TOO_MANY_REQUESTS || code == TOO_MANY_ORDERS;
  }

  /** {@code code msg}, with what it means when the connector knows it. */
  static String describe(final int code, final String msg) {
    final String hint = HINTS.get(code);
    final String text = code + " " + (msg == null ? "" : msg);
    return hint == null ? text : text + " (" + hint + ")";
  }

  static RejectReason reason(final int code, final String msg) {
    if (code == NEW_ORDER_REJECTED && msg != null) {
      if (msg.contains("insufficient balance")) {
        return RejectReason.INSUFFICIENT_BALANCE;
      }
      if (msg.contains("immediately match")) {
        return RejectReason.WOULD_TAKE_LIQUIDITY;
      }
    }
    if (code == -1013) { // a filter failure: LOT_SIZE, PRICE_FILTER, NOTIONAL
      return RejectReason.TRADING_RULE;
    }
    return RejectReason.VENUE_ERROR;
  }
}
