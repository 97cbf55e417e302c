package dev.osprey.agent.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.osprey.agent.journal.TickSnapshot;
import java.util.Map;

/**
 * A tick's {@code snapshot_{tick}.md}: what the agent observed and the risk state (as JSON, keys
 * sorted, decimals plain, so two snapshots diff line by line), what the policy answered, and what
 * the tick cost.
 */
public final class SnapshotMd {
  private static final ObjectMapper JSON = jsonMapper();

  private SnapshotMd() {}

  /** {@code snapshot_7.md}. */
  public static String fileName(final long tick) {
    return "snapshot_" + tick + ".md";
  }

  /**
   * The snapshot's markdown.
   *
   * @throws IllegalArgumentException when the observation or risk state holds a value JSON cannot
   *     show (they must be maps, lists, strings, numbers, booleans and nulls)
   */
  public static String render(final TickSnapshot s) {
    return "# Snapshot: session " + s.session() + ", tick " + s.tick() + "\n\n"
        + "- at: " + MdFormat.seconds(s.at()) + "\n\n"
        + "## Observation\n" + Fences.block("json", json(s.observation())) + "\n"
        + "## Risk State\n" + Fences.block("json", json(s.risk())) + "\n"
        + "## Agent Response\n" + Fences.block("text", s.response()) + "\n"
        + "## Cost\n- llm_cost: " + MdFormat.usd(s.costUsd(), 4) + "\n";
  }

  private static String json(final Map<String, Object> value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON-like: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectMapper jsonMapper() {
    // "key": value, two spaces a level, \n on every platform, {} and [] when empty.
    final DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    final Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    final DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    return JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .defaultPrettyPrinter(printer)
        .build();
  }
}
