package dev.osprey.domain.order;

/** Why a venue refused an order, machine-readable. */
public enum RejectReason {
  INSUFFICIENT_BALANCE,
  TRADING_RULE,
  WOULD_TAKE_LIQUIDITY,
  NO_MARKET_DATA,
  UNKNOWN_MARKET,
  DUPLICATE_CLIENT_ORDER_ID,
  VENUE_ERROR
}
