package dev.osprey.domain.executor.lp;

/**
 * The LP position's lifecycle as the reference reports it in {@code custom_info.state}. Opening
 * and closing are simulated at once: OPENING shows while the executor waits for its first pool
 * price; CLOSING and SWAPPING (the swap back) happen inside the decision that terminates it, so
 * they are never reported. They stay in the vocabulary because reference clients know them.
 */
public enum LpState {
  NOT_ACTIVE,
  OPENING,
  IN_RANGE,
  OUT_OF_RANGE,
  CLOSING,
  SWAPPING,
  COMPLETE,
  FAILED
}
