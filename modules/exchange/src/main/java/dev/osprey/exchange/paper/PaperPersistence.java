package dev.osprey.exchange.paper;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One paper venue tied to its state file: loaded from the file at start when there is one, and
 * written back by {@link #saveIfChanged} whenever its {@link PaperExchange#version} moved.
 *
 * <p>The app calls {@link #saveIfChanged} on a schedule and once more at shutdown after the
 * executors stopped. A crash therefore loses at most what happened since the last save: the venue
 * then resumes from that save, and executors reconcile against it through {@code lookup}.
 *
 * <p>Thread-safe: saves are serialized, so a scheduled save and the shutdown save never write at
 * the same time.
 */
public final class PaperPersistence {
  private static final Logger LOG = LoggerFactory.getLogger(PaperPersistence.class);
  private static final Pattern FILE_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final long NEVER = Long.MIN_VALUE;

  private final PaperExchange venue;
  private final PaperStateStore store;
  private final boolean restored;
  private long savedVersion;

  private PaperPersistence(
      final PaperExchange venue, final PaperStateStore store, final boolean restored) {
    this.venue = venue;
    this.store = store;
    this.restored = restored;
    this.savedVersion = restored ? venue.version() : NEVER;
  }

  /** The store of venue {@code name} in {@code directory}: {@code <directory>/<name>.json}. */
  public static PaperStateStore storeIn(final Path directory, final String name) {
    Objects.requireNonNull(directory, "directory");
    if (name == null || !FILE_SAFE.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "paper venue name '" + name + "' cannot name a state file: use letters, digits, . _ -");
    }
    return new PaperStateStore(directory.resolve(name + ".json"));
  }

  /**
   * Venue {@code name} restored from {@code store}, or {@code fresh} when the store has no file
   * yet (a fresh venue is written on the first {@link #saveIfChanged}).
   *
   * @throws IllegalStateException naming the file when it exists but cannot be restored from
   */
  public static PaperPersistence open(
      final PaperStateStore store,
      final String name,
      final Clock clock,
      final Supplier<PaperExchange> fresh) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(fresh, "fresh");
    final PaperState state = store.load().orElse(null);
    if (state == null) {
      final PaperExchange venue = Objects.requireNonNull(fresh.get(), "fresh venue");
      if (!name.equals(venue.name())) {
        throw new IllegalArgumentException(
            "fresh venue is called '" + venue.name() + "', expected '" + name + "'");
      }
      LOG.info("paper venue {} starts fresh; it will be saved to {}", name, store.file());
      return new PaperPersistence(venue, store, false);
    }
    final PaperExchange venue;
    try {
      venue = PaperExchange.restore(name, clock, state);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "paper state file " + store.file() + " cannot restore venue " + name + ": "
              + e.getMessage(),
          e);
    }
    LOG.info(
        "paper venue {} restored from {}: {} markets, {} orders ({} open)",
        name,
        store.file(),
        state.markets().size(),
        state.orders().size(),
        venue.openOrders().size());
    return new PaperPersistence(venue, store, true);
  }

  public PaperExchange venue() {
    return venue;
  }

  public PaperStateStore store() {
    return store;
  }

  /** True when the venue came from the file, false when it started fresh. */
  public boolean restored() {
    return restored;
  }

  /**
   * Writes the venue's state if it changed since the last save (or was never saved).
   *
   * @return whether it wrote
   * @throws java.io.UncheckedIOException when the write fails; the next call tries again
   */
  public synchronized boolean saveIfChanged() {
    // Version first, snapshot second: a change in between is in this file and saved again next
    // time, never skipped.
    final long version = venue.version();
    if (version == savedVersion) {
      return false;
    }
    store.save(venue.snapshot());
    savedVersion = version;
    return true;
  }
}
