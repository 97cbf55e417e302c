package dev.osprey.exchange.paper;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link PaperState} as a JSON file.
 *
 * <p><b>Format.</b> snake_case names as in the HTTP API; decimals as JSON numbers written with
 * {@link java.math.BigDecimal#toString()} (so {@code 1E-8} may appear), which reads back to the
 * same value and scale; instants as ISO-8601 strings with full precision; absent values (no
 * quote, unlimited size, no reject reason) left out. The {@code format} field names the layout.
 *
 * <p><b>Atomic.</b> {@link #save} writes a temporary file next to the target, forces it to disk,
 * then renames it over the target in one atomic step and forces the directory: a crash at any
 * point leaves either the previous complete file or the new complete one, never a mix. Temporary
 * files a crash left behind are removed on the next {@link #load}.
 *
 * <p>A missing file reads as empty (a venue that never saved). A file that exists but is not a
 * readable paper state is an error naming the file: starting afresh would silently drop balances
 * and the orders executors will ask about.
 *
 * <p>Not synchronized: one owner ({@link PaperPersistence}) saves at a time.
 */
public final class PaperStateStore {
  private static final Logger LOG = LoggerFactory.getLogger(PaperStateStore.class);
  private static final ObjectMapper MAPPER = mapper();

  private final Path file;
  private final Mover mover;

  /** The final step of a save: replaces {@code target} with {@code source}. */
  @FunctionalInterface
  interface Mover {
    void move(Path source, Path target) throws IOException;
  }

  /** A store for {@code file}; its directory is created on the first save. */
  public PaperStateStore(final Path file) {
    this(file, PaperStateStore::atomicMove);
  }

  /** A store whose last save step is {@code mover} (tests: a crash just before the rename). */
  PaperStateStore(final Path file, final Mover mover) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    this.mover = Objects.requireNonNull(mover, "mover");
    if (this.file.getParent() == null) {
      throw new IllegalArgumentException("paper state file needs a directory: " + file);
    }
  }

  public Path file() {
    return file;
  }

  /**
   * The saved state, or empty when there is no file.
   *
   * @throws IllegalStateException naming the file when it exists but is not a paper state
   * @throws UncheckedIOException naming the file when it cannot be read
   */
  public Optional<PaperState> load() {
    removeLeftovers();
    final byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read paper state file " + file, e);
    }
    try {
      final PaperState state = MAPPER.readValue(bytes, PaperState.class);
      if (state == null) {
        throw new IllegalStateException("paper state file " + file + " holds no state");
      }
      return Optional.of(state);
    } catch (IOException e) {
      throw new IllegalStateException(
          "paper state file " + file + " is not a readable paper state ("
              + describe(e) + "); repair it or move it away to start this venue afresh",
          e);
    }
  }

  /**
   * Replaces the file with {@code state}, atomically.
   *
   * @throws UncheckedIOException naming the file when it cannot be written; the previous file is
   *     then unchanged
   */
  public void save(final PaperState state) {
    Objects.requireNonNull(state, "state");
    final Path dir = file.getParent();
    Path tmp = null;
    try {
      final byte[] bytes = MAPPER.writeValueAsBytes(state);
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        final ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        ch.force(true);
      }
      mover.move(tmp, file);
      tmp = null;
      syncDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save paper state file " + file, e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /** The JSON text {@link #save} writes for {@code state} (operators and tests). */
  public static String toJson(final PaperState state) {
    try {
      return MAPPER.writeValueAsString(state);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write paper state as JSON", e);
    }
  }

  private static void atomicMove(final Path source, final Path target) throws IOException {
    Files.move(
        source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Makes the rename itself durable; a platform that cannot sync a directory is left as is. */
  private static void syncDirectory(final Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      LOG.debug("cannot sync directory {}: {}", dir, e.toString());
    }
  }

  private void removeLeftovers() {
    final String glob = file.getFileName() + ".*.tmp";
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(file.getParent(), glob)) {
      for (Path p : stale) {
        LOG.info("removing {}, left by an interrupted save", p);
        deleteQuietly(p);
      }
    } catch (NoSuchFileException e) {
      // No directory yet: nothing was ever saved.
    } catch (IOException e) {
      LOG.warn("cannot list {} for leftovers of interrupted saves", file.getParent(), e);
    }
  }

  private static void deleteQuietly(final Path p) {
    if (p == null) {
      return;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.warn("cannot delete {}", p, e);
    }
  }

  private static String describe(final IOException e) {
    if (!(e instanceof JacksonException j)) {
      return e.toString();
    }
    final StringBuilder out = new StringBuilder(j.getOriginalMessage());
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      out.append(" at ").append(path(m.getPath()));
    }
    final JsonLocation at = j.getLocation();
    if (at != null && at.getLineNr() > 0) {
      out.append(", line ").append(at.getLineNr()).append(" column ").append(at.getColumnNr());
    }
    return out.toString();
  }

  /** The JSON path of a mapping failure, such as {@code orders[2].fills[0].price}. */
  private static String path(final List<JsonMappingException.Reference> references) {
    final StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(r.getFieldName());
      } else {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new ParameterNamesModule())
        .addModule(new JavaTimeModule())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();
  }
}
