package dev.osprey.api.auth;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The users of the HTTP API, read once from {@code osprey.auth}. A user exists when its password is
 * set (the environment overrides the config: {@code OSPREY_ADMIN_USER}/{@code
 * OSPREY_ADMIN_PASSWORD}, {@code OSPREY_READONLY_USER}/{@code OSPREY_READONLY_PASSWORD}). Without an
 * admin password, local mode ({@code bin/osprey up}) falls back to hummingbot-api's default
 * {@code admin}/{@code admin}; anywhere else the node must not start, so {@link #fromConfig} throws.
 *
 * @param localMode whether the node runs as a local single-node install
 * @param realm the realm named in {@code WWW-Authenticate}
 * @param users the configured users (at least one admin)
 * @param defaultCredentials whether the local-mode default admin is in use
 */
public record AuthSettings(boolean localMode, String realm, List<Credentials> users, boolean defaultCredentials) {
  /** hummingbot-api's default user; its password is the same. */
  static final String DEFAULT_USER = "admin";

  public AuthSettings {
    users = List.copyOf(users);
  }

  /**
   * Reads {@code osprey.auth}.
   *
   * @param c the {@code osprey.auth} section
   * @return the settings
   * @throws IllegalStateException when outside local mode no admin password is configured, or a
   *     user is misconfigured; the message says what to set
   */
  public static AuthSettings fromConfig(final Config c) {
    final boolean localMode = c.getBoolean("local-mode");
    final String realm = c.getString("realm");
    final List<Credentials> users = new ArrayList<>();
    final Optional<Credentials> admin = user(c, "admin", Role.ADMIN);
    final boolean defaults = admin.isEmpty();
    if (defaults && !localMode) {
      throw new IllegalStateException("HTTP authentication: no admin password is configured "
          + "(osprey.auth.admin.password, env OSPREY_ADMIN_PASSWORD, with OSPREY_ADMIN_USER; in "
          + "Kubernetes from the Secret osprey-auth). Only local mode (osprey.auth.local-mode, "
          + "bin/osprey up) falls back to the default user.");
    }
    users.add(admin.orElseGet(() -> new Credentials(DEFAULT_USER, DEFAULT_USER, Role.ADMIN)));
    user(c, "read-only", Role.READ_ONLY).ifPresent(users::add);
    users.addAll(agentUsers(c));
    final java.util.Set<String> names = new java.util.HashSet<>();
    for (Credentials u : users) {
      if (!names.add(u.username())) {
        throw new IllegalStateException("HTTP authentication: two users are named " + u.username());
      }
    }
    return new AuthSettings(localMode, realm, users, defaults);
  }

  private static Optional<Credentials> user(final Config c, final String key, final Role role) {
    final String password = c.getString(key + ".password");
    if (password.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Credentials(c.getString(key + ".username").trim(), password, role));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("HTTP authentication: osprey.auth." + key + ": " + e.getMessage(), e);
    }
  }

  /**
   * Agent harness users ({@link Role#AGENT}): {@code osprey.auth.agents} entries {@code {username,
   * password, controllers = [...]}}, and {@code osprey.auth.agent-users} (env {@code
   * OSPREY_AGENT_USERS}) as {@code name:password:ctrl1,ctrl2;name2:...}.
   */
  private static List<Credentials> agentUsers(final Config c) {
    final List<Credentials> out = new ArrayList<>();
    if (c.hasPath("agents")) {
      for (Config a : c.getConfigList("agents")) {
        out.add(agent(a.getString("username"), a.getString("password"), a.getStringList("controllers")));
      }
    }
    final String env = c.hasPath("agent-users") ? c.getString("agent-users").trim() : "";
    if (!env.isEmpty()) {
      for (String entry : env.split(";")) {
        final String[] parts = entry.trim().split(":", 3);
        if (parts.length != 3) {
          // Says which entry by its name only: the rest may hold a password.
          throw new IllegalStateException("HTTP authentication: OSPREY_AGENT_USERS entry for "
              + parts[0] + " must be name:password:controller[,controller...]");
        }
        out.add(agent(parts[0], parts[1], List.of(parts[2].split(","))));
      }
    }
    return out;
  }

  private static Credentials agent(final String name, final String password, final List<String> controllers) {
    try {
      return new Credentials(name.trim(), password, Role.AGENT,
          controllers.stream().map(String::trim).filter(x -> !x.isEmpty()).collect(java.util.stream.Collectors.toSet()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("HTTP authentication: agent user: " + e.getMessage(), e);
    }
  }

  /** The warning to log at start, when the local-mode default user is in use. Names no secret. */
  public Optional<String> startupWarning() {
    return defaultCredentials
        ? Optional.of("HTTP API: local mode with hummingbot-api's default credentials; set "
            + "OSPREY_ADMIN_USER and OSPREY_ADMIN_PASSWORD before exposing this node")
        : Optional.empty();
  }

  @Override
  public String toString() {
    // Explicit so that a later field can never print a password by accident.
    final List<String> names = new ArrayList<>();
    for (Credentials u : users) {
      names.add(u.username() + " (" + u.role() + ")");
    }
    return "AuthSettings[localMode=" + localMode + ", realm=" + realm + ", users=" + names
        + ", defaultCredentials=" + defaultCredentials + "]";
  }
}
