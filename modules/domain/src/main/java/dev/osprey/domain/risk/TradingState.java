package dev.osprey.domain.risk;

/**
 * What a controller (or the whole system) may still do. A tripped kill switch must still let
 * positions be reduced and orders be cancelled, so there are two degrees of stopping.
 */
public enum TradingState {
  /** Everything the limits allow. */
  ACTIVE,
  /** Only orders that reduce a position; new executors are denied. */
  REDUCING,
  /** Nothing but cancels. */
  HALTED;

  /** The stricter of this state and {@code other}: a controller obeys its own and the global one. */
  public TradingState stricter(final TradingState other) {
    return other != null && other.ordinal() > ordinal() ? other : this;
  }
}
