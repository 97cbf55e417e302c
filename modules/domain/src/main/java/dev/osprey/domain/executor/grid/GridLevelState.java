package dev.osprey.domain.executor.grid;

/**
 * Where one level is in its cycle (the reference's {@code GridLevelStates}). {@code COMPLETE} is
 * transient: a level whose open and take-profit orders both filled is recycled to {@code
 * NOT_ACTIVE} in the same step, its orders moving to the realized (filled) orders.
 */
public enum GridLevelState {
  NOT_ACTIVE,
  OPEN_ORDER_PLACED,
  OPEN_ORDER_FILLED,
  CLOSE_ORDER_PLACED,
  COMPLETE
}
