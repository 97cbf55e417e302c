package dev.osprey.domain.executor;

/** Builds the initial (NOT_STARTED) state machine for a config; the same in live and replay. */
@FunctionalInterface
public interface ExecutorFactory {
  Executor create(ExecutorConfig config);
}
