package dev.osprey.domain.executor.lp;

/** Where the pool price is relative to a position's range; the bounds belong to the range. */
public enum RangePosition {
  BELOW,
  IN_RANGE,
  ABOVE;

  public boolean isOutOfRange() {
    return this != IN_RANGE;
  }
}
