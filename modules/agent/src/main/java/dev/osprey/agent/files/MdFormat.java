package dev.osprey.agent.files;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** How the markdown files write times, numbers and one-line texts. Times are UTC. */
final class MdFormat {
  /** {@code 2026-03-27 14:30}, as learnings.md dates its insights. */
  static final DateTimeFormatter MINUTE = utc("uuuu-MM-dd HH:mm");

  /** {@code 2026-03-27 14:30:05}, as the journal times ticks, decisions and executors. */
  static final DateTimeFormatter SECOND = utc("uuuu-MM-dd HH:mm:ss");

  private MdFormat() {}

  static String seconds(final Instant at) {
    return SECOND.format(at);
  }

  /** {@code value} with exactly {@code scale} decimals, rounded half-even. */
  static String decimal(final BigDecimal value, final int scale) {
    return value.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** {@code $} and the amount with {@code scale} decimals: {@code $12.50}, {@code $-0.40}. */
  static String usd(final BigDecimal value, final int scale) {
    return "$" + decimal(value, scale);
  }

  /**
   * The text on one line: every line break, with the spaces around it, becomes one space, so that
   * a text cannot end its list item and start a line that reads as another.
   */
  static String oneLine(final String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** The first {@code max} characters (code points, so no emoji is cut in half). */
  static String truncate(final String text, final int max) {
    return text.codePointCount(0, text.length()) <= max
        ? text
        : text.substring(0, text.offsetByCodePoints(0, max));
  }

  private static DateTimeFormatter utc(final String pattern) {
    return DateTimeFormatter.ofPattern(pattern)
        .withResolverStyle(ResolverStyle.STRICT)
        .withZone(ZoneOffset.UTC);
  }
}
