package dev.osprey.agent.routine;

import java.util.List;

/**
 * A deterministic workflow any agent can call by name, with typed parameters: an indicator over
 * candles, a webhook, an alert. Given the same arguments and the same context (candles, clock),
 * a routine gives the same result; everything it reads or touches outside comes through the
 * {@link RoutineContext}.
 *
 * <p>Implementations are stateless and shareable across agents and threads.
 */
public interface Routine {
  /** The name callers use, snake_case and unique in a {@link Routines} registry. */
  String name();

  /** One line saying what the routine does, for listings and LLM tool definitions. */
  String description();

  /** The parameters, in the order listings show them. */
  List<RoutineParam> params();

  /**
   * Runs the routine.
   *
   * @param args arguments already checked against {@link #params()} ({@link RoutineArgs#of})
   * @param ctx market data, clock and outbound channels
   * @return the outputs
   * @throws RoutineArgsException when an argument breaks a rule of this routine (a 400)
   * @throws NotEnoughDataException when there are too few candles for the indicator asked for
   * @throws java.io.UncheckedIOException when an outbound call (a webhook) fails
   */
  RoutineResult run(RoutineArgs args, RoutineContext ctx);
}
