package dev.osprey.engine.executor;

import dev.osprey.domain.market.TopOfBook;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The quotes of an executor's markets on their way from the venue's thread to the entity,
 * conflated: however many quotes arrive while the entity is busy, it is told once. An executor
 * decides on the venue's book as it is when it decides (ExecutorVenues#marketView), so a queued
 * second notice would only decide again on the same book; without conflation a burst of quotes
 * queues one message per quote per executor, and everything behind them (a fill, a stop) waits
 * for all of them. Each market's latest quote stays, as the fallback for a venue that cannot say
 * its book.
 */
final class ConflatedQuotes {
  private final AtomicReferenceArray<TopOfBook> latest;
  private final AtomicBoolean told = new AtomicBoolean();

  /** For an executor of {@code markets} markets (its config's markets, in their order). */
  ConflatedQuotes(final int markets) {
    this.latest = new AtomicReferenceArray<>(markets);
  }

  /**
   * On the venue's thread: keeps {@code book} as the latest of market {@code market}. True when
   * the entity must be told (it was not told since it last took the quotes).
   */
  boolean offer(final int market, final TopOfBook book) {
    latest.set(market, book);
    return told.compareAndSet(false, true);
  }

  /** On the entity, before it decides: a quote arriving from now on tells it again. */
  void taken() {
    told.set(false);
  }

  /** The latest quote of market {@code market}, or null before the first. */
  TopOfBook latest(final int market) {
    return latest.get(market);
  }
}
