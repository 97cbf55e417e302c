package dev.osprey.domain.executor;

/**
 * Builds the initial (NOT_STARTED) state machine for a config; the same in live and replay.
 * {@link #create} is for a new config and may refuse it; {@link #restore} rebuilds one the journal
 * holds, without today's validation (a rule tightened since must not stop an old journal).
 */
@FunctionalInterface
public interface ExecutorFactory {
  Executor create(ExecutorConfig config);

  default Executor restore(final ExecutorConfig config) {
    return Executors.restore(config);
  }
}
