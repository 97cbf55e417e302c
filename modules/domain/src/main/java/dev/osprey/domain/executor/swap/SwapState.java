package dev.osprey.domain.executor.swap;

/** The reference's swap states, as {@code custom_info.state} shows them. */
public enum SwapState {
  NOT_STARTED,
  EXECUTING,
  COMPLETED,
  FAILED
}
