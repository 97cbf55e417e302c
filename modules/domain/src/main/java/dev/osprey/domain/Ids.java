package dev.osprey.domain;

/**
 * The rule for the ids users choose: controller ids and executor ids.
 *
 * <p>1 to 128 printable ASCII characters except {@code / ? # % |} and whitespace, so that the
 * standard's {@code my-agent}, UUIDs, dotted and colon-separated names all work, and every id is
 * still one URL path segment as it is written. {@code |} is refused because Pekko reserves it in
 * persistence ids: an entity with it in its id cannot start (an executor approved under such an
 * id would never run). Venues never see these ids: client order ids are
 * derived from them (see {@code ClientOrderId}).
 */
public final class Ids {
  public static final int MAX_LENGTH = 128;

  /** The rule, as said in a 400 when an id breaks it. */
  public static final String RULE =
      "must be 1-128 printable ASCII characters, without whitespace or any of / ? # % |";

  private Ids() {}

  /** True when {@code id} follows the rule. */
  public static boolean isValid(final String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      final char c = id.charAt(i);
      // '!' (0x21) to '~' (0x7E) is printable ASCII without the space.
      if (c < '!' || c > '~' || c == '/' || c == '?' || c == '#' || c == '%' || c == '|') {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns {@code id} when it follows the rule.
   *
   * @param field the field to name in the violation (e.g. {@code executor_config.id})
   * @throws FieldViolation.Invalid naming {@code field} and the rule otherwise
   */
  public static String require(final String field, final String id) {
    if (!isValid(id)) {
      throw new FieldViolation.Invalid(field, RULE);
    }
    return id;
  }
}
