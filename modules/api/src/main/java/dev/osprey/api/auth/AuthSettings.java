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
    if (users.size() > 1 && users.get(0).username().equals(users.get(1).username())) {
      throw new IllegalStateException(
          "HTTP authentication: the admin and the read-only user have the same name " + users.get(0).username());
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
