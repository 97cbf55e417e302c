package dev.osprey.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
  private final Authenticator auth = new Authenticator(List.of(
      new Credentials("ops", "s3cret-ops", Role.ADMIN),
      new Credentials("dash", "s3cret-dash", Role.READ_ONLY)));

  @Test
  void shouldAuthenticateEachUserWithItsRole() {
    assertEquals(Optional.of(new User("ops", Role.ADMIN)), auth.authenticate("ops", "s3cret-ops"));
    assertEquals(Optional.of(new User("dash", Role.READ_ONLY)), auth.authenticate("dash", "s3cret-dash"));
  }

  @Test
  void shouldRefuseAWrongPasswordAnUnknownUserAndAnotherUsersPassword() {
    assertFalse(auth.authenticate("ops", "s3cret-op").isPresent());
    assertFalse(auth.authenticate("ops", "S3CRET-OPS").isPresent());
    assertFalse(auth.authenticate("nobody", "s3cret-ops").isPresent());
    assertFalse(auth.authenticate("ops", "s3cret-dash").isPresent());
    assertFalse(auth.authenticate("Ops", "s3cret-ops").isPresent());
    assertFalse(auth.authenticate("ops", "").isPresent());
    assertFalse(auth.authenticate(null, null).isPresent());
  }

  @Test
  void shouldRefuseEveryoneWithoutUsers() {
    assertTrue(new Authenticator(List.of()).authenticate("admin", "admin").isEmpty());
  }

  @Test
  void shouldRejectUnusableCredentials() {
    assertThrows(IllegalArgumentException.class, () -> new Credentials("a:b", "pw", Role.ADMIN));
    assertThrows(IllegalArgumentException.class, () -> new Credentials(" ", "pw", Role.ADMIN));
    assertThrows(IllegalArgumentException.class, () -> new Credentials("a", "", Role.ADMIN));
  }

  @Test
  void shouldNeverPrintAPassword() {
    final String text = new Credentials("ops", "s3cret-ops", Role.ADMIN).toString();
    assertFalse(text.contains("s3cret"), text);
    assertTrue(text.contains("ops"), text);
  }
}
