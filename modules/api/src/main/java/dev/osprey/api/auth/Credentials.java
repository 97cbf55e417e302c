package dev.osprey.api.auth;

import java.util.Objects;

/**
 * A configured user: name, password and role. The password never leaves this record in text: its
 * {@link #toString()} masks it, so settings can be logged safely.
 */
public record Credentials(String username, String password, Role role, java.util.Set<String> controllers) {
  public Credentials(final String username, final String password, final Role role) {
    this(username, password, role, java.util.Set.of());
  }

  public Credentials {
    Objects.requireNonNull(role, "role");
    controllers = controllers == null ? java.util.Set.of() : java.util.Set.copyOf(controllers);
    if (role == Role.AGENT && controllers.isEmpty()) {
      throw new IllegalArgumentException("agent user " + username + " needs at least one controller id");
    }
    if (username == null || username.isBlank() || username.contains(":")) {
      // Basic authentication splits "user:password" at the first colon.
      throw new IllegalArgumentException("a user name must be non-blank and contain no ':'");
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("user " + username + " has an empty password");
    }
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=***, role=" + role
        + (controllers.isEmpty() ? "" : ", controllers=" + new java.util.TreeSet<>(controllers)) + "]";
  }
}
