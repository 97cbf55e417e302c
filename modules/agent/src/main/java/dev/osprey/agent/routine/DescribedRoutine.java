package dev.osprey.agent.routine;

import java.util.List;
import java.util.Objects;

/**
 * A routine whose name, description and parameters are fixed when it is built; subclasses only
 * implement {@link #run}.
 */
public abstract class DescribedRoutine implements Routine {
  private final String name;
  private final String description;
  private final List<RoutineParam> params;

  /**
   * @param name snake_case, unique in a registry
   * @param description one line
   * @param params the parameters, in listing order, with distinct names
   */
  protected DescribedRoutine(
      final String name, final String description, final List<RoutineParam> params) {
    this.name = Objects.requireNonNull(name, "name");
    this.description = Objects.requireNonNull(description, "description");
    this.params = List.copyOf(params);
    if (params.stream().map(RoutineParam::name).distinct().count() != params.size()) {
      throw new IllegalArgumentException("routine " + name + " names a parameter twice");
    }
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final List<RoutineParam> params() {
    return params;
  }

  @Override
  public String toString() {
    return name;
  }
}
