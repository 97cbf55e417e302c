package dev.osprey.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a user name and password against the configured users. Only SHA-256 digests of the
 * names and passwords are kept, and every check compares the given pair with every user in
 * constant time ({@link MessageDigest#isEqual}), so neither a name's existence nor a password's
 * prefix shows in the time of an answer. Nothing is logged.
 */
public final class Authenticator {
  private record Entry(byte[] username, byte[] password, User user) {}

  private final List<Entry> entries;

  public Authenticator(final List<Credentials> users) {
    final List<Entry> out = new ArrayList<>();
    for (Credentials c : users) {
      out.add(new Entry(sha256(c.username()), sha256(c.password()), new User(c.username(), c.role(), c.controllers())));
    }
    this.entries = List.copyOf(out);
  }

  /**
   * The user these credentials belong to, or empty when the name is unknown or the password
   * wrong (the two are not told apart).
   */
  public Optional<User> authenticate(final String username, final String password) {
    if (username == null || password == null) {
      return Optional.empty();
    }
    final byte[] u = sha256(username);
    final byte[] p = sha256(password);
    User found = null;
    for (Entry e : entries) {
      // Non-short-circuit &: both comparisons run for every user.
      if (MessageDigest.isEqual(u, e.username()) & MessageDigest.isEqual(p, e.password())) {
        found = e.user();
      }
    }
    return Optional.ofNullable(found);
  }

  private static byte[] sha256(final String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
