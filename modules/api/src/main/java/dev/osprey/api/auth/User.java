package dev.osprey.api.auth;

/**
 * An authenticated user: who sent the request and what it may do. Holds no secret.
 *
 * @param controllers for the {@link Role#AGENT} role, the controller ids it may act for; empty
 *     for the other roles
 */
public record User(String name, Role role, java.util.Set<String> controllers) {
  public User {
    controllers = java.util.Set.copyOf(controllers);
  }

  public User(final String name, final Role role) {
    this(name, role, java.util.Set.of());
  }

  /** Whether this user acts for some controllers only (an external agent harness). */
  public boolean scoped() {
    return role == Role.AGENT;
  }
}
