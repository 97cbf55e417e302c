package dev.osprey.agent.routine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The routines agents may call, by name. Immutable once built, so one registry serves every agent
 * of a node.
 */
public final class Routines {
  private final Map<String, Routine> byName;

  private Routines(final Collection<Routine> routines) {
    final Map<String, Routine> map = new LinkedHashMap<>();
    for (final Routine routine : routines) {
      if (map.putIfAbsent(routine.name(), routine) != null) {
        throw new IllegalArgumentException("two routines are named " + routine.name());
      }
    }
    this.byName = map;
  }

  /**
   * The built-in routines, {@code atr}, {@code rsi}, {@code ema}, {@code volatility}, {@code
   * webhook} and {@code alert}, followed by {@code extra} ones.
   *
   * @param extra more routines, named unlike the built-in ones
   * @throws IllegalArgumentException when two routines share a name
   */
  public static Routines builtIn(final Routine... extra) {
    final List<Routine> routines =
        new ArrayList<>(
            List.of(
                IndicatorRoutine.atr(),
                IndicatorRoutine.rsi(),
                IndicatorRoutine.ema(),
                IndicatorRoutine.volatility(),
                new WebhookRoutine(),
                new AlertRoutine()));
    routines.addAll(List.of(extra));
    return new Routines(routines);
  }

  /**
   * Exactly the given routines.
   *
   * @throws IllegalArgumentException when two routines share a name
   */
  public static Routines of(final Collection<Routine> routines) {
    return new Routines(routines);
  }

  /** The routine called {@code name}, if there is one. */
  public Optional<Routine> get(final String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every routine, in registration order. */
  public List<Routine> all() {
    return List.copyOf(byName.values());
  }

  /** Every routine described by {@link RoutineSchema#of}, in registration order. */
  public List<Map<String, Object>> describe() {
    return byName.values().stream().map(RoutineSchema::of).toList();
  }

  /**
   * Checks JSON-like arguments against a routine's parameters and runs it: what an HTTP call or
   * an LLM tool call does.
   *
   * @param name the routine
   * @param rawArgs its arguments, JSON-like; null for none
   * @param ctx market data, clock and outbound channels
   * @return the routine's result
   * @throws NoSuchElementException when no routine has that name
   * @throws RoutineArgsException when the arguments break the routine's rules
   */
  public RoutineResult run(
      final String name, final Map<String, ?> rawArgs, final RoutineContext ctx) {
    final Routine routine =
        get(name)
            .orElseThrow(
                () ->
                    new NoSuchElementException(
                        "no routine named " + name + " (known: "
                            + String.join(", ", byName.keySet()) + ")"));
    return routine.run(RoutineArgs.of(routine.params(), rawArgs), ctx);
  }
}
