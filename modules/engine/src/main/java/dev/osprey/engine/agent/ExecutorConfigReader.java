package dev.osprey.engine.agent;

import dev.osprey.domain.executor.ExecutorConfig;
import java.util.Map;

/**
 * Reads an executor config as the API takes it (a JSON-like map), for {@code controllerId} and with
 * id {@code executorId}, resolving connector names as the API does.
 */
@FunctionalInterface
public interface ExecutorConfigReader {
  /** @throws dev.osprey.domain.FieldViolation.Invalid naming the field and the rule */
  ExecutorConfig read(String controllerId, String executorId, Map<String, Object> config);
}
