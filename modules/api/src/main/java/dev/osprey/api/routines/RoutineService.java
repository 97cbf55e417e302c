package dev.osprey.api.routines;

import dev.osprey.agent.routine.RoutineResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** What the HTTP layer may do with routines: list them and run one. */
public interface RoutineService {
  /** Each routine with its parameters as a JSON schema (the shape of an LLM tool definition). */
  List<Map<String, Object>> describe();

  /**
   * Runs {@code name}. Fails with {@link java.util.NoSuchElementException} for an unknown routine,
   * {@link dev.osprey.agent.routine.RoutineArgsException} for bad arguments and {@link
   * dev.osprey.agent.routine.NotEnoughDataException} when the market has too few candles yet.
   */
  CompletionStage<RoutineResult> run(String name, Map<String, Object> args);
}
