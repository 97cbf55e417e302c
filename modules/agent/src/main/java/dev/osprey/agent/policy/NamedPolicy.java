package dev.osprey.agent.policy;

/** A policy known by a fixed name, the one agent.md selects it with. */
public abstract class NamedPolicy implements Policy {
  private final String name;

  protected NamedPolicy(final String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }
}
