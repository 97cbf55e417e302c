package dev.osprey.domain.executor;

/**
 * An executor config with a {@code leverage} of its own (the compact constructors make an absent
 * one 1): that leverage is what the executor asks its venue for.
 */
public interface LeveragedConfig extends ExecutorConfig {
  Integer leverage();

  @Override
  default int venueLeverage() {
    return leverage();
  }
}
