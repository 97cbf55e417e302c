package dev.osprey.okx;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's available balances as last read by REST, at start and after fills. Reads are
 * spaced: one at a time, at most one per {@link #INTERVAL_MS} (OKX allows 10 balance reads per 2
 * s), and one more when fills came while one was on its way. Runs on the connector's thread.
 */
final class OkxBalances {
  private static final Logger LOG = LoggerFactory.getLogger(OkxBalances.class);
  static final long INTERVAL_MS = 500;

  private final OkxRestClient rest;
  private final ScheduledExecutorService loop;
  private final Clock clock;
  private volatile Map<String, BigDecimal> available = Map.of();

  /** Completes after the first read, whether it worked or not (balances are not vital). */
  final CompletableFuture<Void> firstRead = new CompletableFuture<>();

  // ---- loop-thread state
  private boolean reading;
  private boolean stale;
  private long lastReadMs = Long.MIN_VALUE / 2;
  private boolean closed;

  OkxBalances(final OkxRestClient rest, final ScheduledExecutorService loop, final Clock clock) {
    this.rest = rest;
    this.loop = loop;
    this.clock = clock;
  }

  Map<String, BigDecimal> available() {
    return available;
  }

  /** Reads the balances again, as soon as the spacing allows. */
  void refresh() {
    if (reading) {
      stale = true;
      return;
    }
    reading = true;
    final long waitMs = Math.max(0, lastReadMs + INTERVAL_MS - clock.millis());
    loop.schedule(this::read, waitMs, TimeUnit.MILLISECONDS);
  }

  private void read() {
    lastReadMs = clock.millis();
    rest.balances()
        .whenCompleteAsync(
            (balances, error) -> {
              reading = false;
              if (error != null) {
                LOG.warn("OKX balances not read: {}", error.toString());
              } else {
                available = Map.copyOf(balances);
              }
              firstRead.complete(null);
              if (stale && !closed) {
                stale = false;
                refresh();
              }
            },
            loop);
  }

  void close() {
    closed = true;
  }
}
