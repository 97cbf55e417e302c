package dev.osprey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {
  @ParameterizedTest
  @ValueSource(strings = {"my-agent", "3f1c9a52-7d1e-4c1b-9f0e-2b7d5e8a1c44", "main", "desk.eu:btc_grid", "a", "~!$&'()*+,;=@[]^_`{}"})
  void shouldAcceptIdsAsPeopleWriteThem(final String id) {
    assertTrue(Ids.isValid(id));
    assertEquals(id, Ids.require("controller_id", id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a/b", "a?b", "a#b", "50%", "a|b", "tab\there", "new\nline", "caf\u00e9", "\u0000"})
  void shouldRefuseIdsThatAreNotOnePrintableAsciiPathSegment(final String id) {
    assertFalse(Ids.isValid(id));
  }

  @Test
  void shouldRefuseNullAndIdsOver128Characters() {
    assertFalse(Ids.isValid(null));
    assertTrue(Ids.isValid("x".repeat(128)));
    assertFalse(Ids.isValid("x".repeat(129)));
  }

  @Test
  void shouldNameTheFieldAndTheRuleWhenRefusing() {
    final FieldViolation.Invalid e = assertThrows(FieldViolation.Invalid.class, () -> Ids.require("executor_config.id", "a b"));
    assertEquals("executor_config.id: must be 1-128 printable ASCII characters, without whitespace or any of / ? # % |",
        e.getMessage());
  }
}
