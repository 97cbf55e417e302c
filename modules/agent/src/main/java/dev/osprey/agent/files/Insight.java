package dev.osprey.agent.files;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One insight of an agent's learnings: when it was written (to the minute, UTC, as learnings.md
 * dates it) and what it says, on one line.
 */
public record Insight(Instant at, String text) {

  /**
   * @throws IllegalArgumentException when the text is blank
   */
  public Insight {
    at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MINUTES);
    text = MdFormat.oneLine(Objects.requireNonNull(text, "text"));
    if (text.isEmpty()) {
      throw new IllegalArgumentException("an insight needs a text");
    }
  }
}
