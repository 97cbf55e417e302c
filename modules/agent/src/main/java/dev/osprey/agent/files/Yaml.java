package dev.osprey.agent.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The one YAML setup of the CTA files (agent.md front matter, config.yml). Numbers read as
 * {@code Long} or {@code BigDecimal}, never {@code double}; duplicate keys are errors. Strings are
 * written quoted and decimals in a form that keeps their scale, so what is written reads back
 * equal.
 */
final class Yaml {
  private static final ObjectMapper MAPPER = mapper();

  private Yaml() {}

  /**
   * Reads a YAML document and the line of each of its keys and values.
   *
   * @param file the file named in errors
   * @param firstLine the file's line on which {@code yaml} begins (2 for front matter after
   *     {@code ---})
   * @throws AgentFileException at the line of the first syntax error
   */
  static YamlTree read(final String file, final String yaml, final int firstLine) {
    try {
      return new YamlTree(value(yaml), lines(yaml, firstLine), firstLine);
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException syntax) {
        final int line = syntaxErrorLine(syntax, yaml) + firstLine;
        throw new AgentFileException(file, line, problem(syntax));
      }
      throw new AgentFileException(file, fileLine(e.getLocation(), firstLine),
          "invalid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String source has no other I/O to fail
    }
  }

  /** The value as YAML text: maps as blocks, strings quoted, numbers exact. */
  static String write(final Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not YAML-like: " + e.getOriginalMessage(), e);
    }
  }

  private static Object value(final String yaml) throws IOException {
    try (JsonParser p = MAPPER.createParser(yaml)) {
      // An empty document (or only comments) has no token; it means "nothing set".
      return p.nextToken() == null ? null : MAPPER.readValue(p, Object.class);
    }
  }

  /** The file line of every key and value, by JSON pointer; a key's line wins over its value's. */
  private static Map<String, Integer> lines(final String yaml, final int firstLine)
      throws IOException {
    final Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = MAPPER.createParser(yaml)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
          final String pointer = p.getParsingContext().pathAsPointer().toString();
          lines.putIfAbsent(pointer, fileLine(p.currentTokenLocation(), firstLine));
        }
      }
    }
    return lines;
  }

  private static int fileLine(final JsonLocation location, final int firstLine) {
    return location == null || location.getLineNr() < 1 ? 0 : location.getLineNr() + firstLine - 1;
  }

  /**
   * The 0-based YAML line to report for a syntax error. SnakeYAML gives two places: where the
   * construct it was reading began (the context) and where it noticed the error (the problem).
   * Jackson's own location is neither (the last token read before), so it is not used.
   */
  private static int syntaxErrorLine(final MarkedYAMLException e, final String yaml) {
    final Mark context = e.getContextMark();
    final Mark problem = e.getProblemMark();
    // At the end of input SnakeYAML points past the last line: the unfinished line is the last one.
    final int lastLine = (int) Math.max(0, yaml.stripTrailing().lines().count() - 1);
    if (problem == null) {
      return context == null ? 0 : Math.min(context.getLine(), lastLine);
    }
    // A token the scanner could not finish ("tick_interval 60" without its colon) is wrong where
    // it starts, and so is a bracket or quote still open at the end: both are the context. A
    // structure error (a badly indented "- b") is at the problem.
    final boolean tokenError =
        e.getContext() != null && e.getContext().startsWith("while scanning");
    final boolean atEnd = problem.getIndex() >= yaml.codePointCount(0, yaml.length());
    final Mark at = context != null && (tokenError || atEnd) ? context : problem;
    return Math.min(at.getLine(), lastLine);
  }

  private static String problem(final MarkedYAMLException e) {
    final String context = e.getContext() == null ? "" : e.getContext() + ": ";
    return "invalid YAML: " + context + e.getProblem();
  }

  private static ObjectMapper mapper() {
    final YAMLFactory factory =
        YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            // Jackson's minimal quoting leaves strings like 1e3 or 0x1F plain, which read back as
            // numbers; quoting every string is the only form that always reads back as written.
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    return new ObjectMapper(factory)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_LONG_FOR_INTS)
        .registerModule(new SimpleModule().addSerializer(BigDecimal.class, new ExactDecimal()));
  }

  /**
   * Writes a decimal so that it reads back as an equal {@code BigDecimal}, scale included: plain
   * when it has a fraction ({@code 0.30}), else in exponent form ({@code 1E3}, {@code 5E0}),
   * because a plain {@code 5} would read back as the whole number {@code Long 5}.
   */
  private static final class ExactDecimal extends StdSerializer<BigDecimal> {
    ExactDecimal() {
      super(BigDecimal.class);
    }

    @Override
    public void serialize(final BigDecimal value, final JsonGenerator gen,
        final SerializerProvider provider) throws IOException {
      gen.writeNumber(value.scale() > 0
          ? value.toPlainString()
          : value.unscaledValue() + "E" + (-value.scale()));
    }
  }
}
