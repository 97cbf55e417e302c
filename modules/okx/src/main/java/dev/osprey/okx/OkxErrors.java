package dev.osprey.okx;

import dev.osprey.domain.order.RejectReason;

/** What OKX's error codes mean for an order. */
final class OkxErrors {
  static final String DUPLICATE_CL_ORD_ID = "51016";
  static final String RATE_LIMIT = "50011";

  private OkxErrors() {}

  static RejectReason reason(final String code) {
    switch (code) {
      case "51008":
        return RejectReason.INSUFFICIENT_BALANCE;
      case "51001":
        return RejectReason.UNKNOWN_MARKET;
      case DUPLICATE_CL_ORD_ID:
        return RejectReason.DUPLICATE_CLIENT_ORDER_ID;
      case "51020":
      case "51120":
      case "51121":
        return RejectReason.TRADING_RULE;
      default:
        return RejectReason.VENUE_ERROR;
    }
  }

  /**
   * Whether a refused WebSocket login will be refused again: bad key, secret or passphrase, or a
   * key of the other environment. OKX's own trouble (63999), a too-frequent login (60014, 60030) or
   * a timestamp OKX found stale (60004, 60006) may pass on the next attempt.
   */
  static boolean isFinalLoginError(final String code) {
    switch (code) {
      case "63999":
      case "60014":
      case "60030":
      case "60004":
      case "60006":
        return false;
      default:
        return true;
    }
  }

  /** OKX found the request's timestamp invalid or too far from its own clock. */
  static boolean isStaleTimestamp(final String code) {
    return "60004".equals(code) || "60006".equals(code);
  }

  /** Cancel answers that mean the order is already done (filled, cancelled) or unknown. */
  static boolean isAlreadyDone(final String code) {
    return "51400".equals(code) || "51401".equals(code) || "51402".equals(code);
  }

  /** A message that names OKX's code and says what it means. */
  static String describe(final String code, final String msg) {
    final String text = "OKX " + code + (msg == null || msg.isBlank() ? "" : " " + msg);
    return RATE_LIMIT.equals(code)
        ? text + " (rate limit: too many requests; try again later)"
        : text;
  }
}
