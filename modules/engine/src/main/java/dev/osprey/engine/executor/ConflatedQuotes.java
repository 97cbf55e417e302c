package dev.osprey.engine.executor;

import dev.osprey.domain.market.TopOfBook;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The quotes of an executor's markets on their way from the venue's thread to the entity,
 * conflated: however many quotes arrive while the entity is busy, it is told once and then takes
 * each market's latest book. An executor decides on the venue's book as it is when it decides
 * (ExecutorVenues#marketView), so a queued second notice would only decide again on the same
 * book; without conflation a burst of quotes queues one message per quote per executor, and
 * everything behind them (a fill, a stop) waits for all of them.
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

  /**
   * On the entity: hands each market's latest book that came since the last call to {@code sink}.
   * The notice is cleared first, so that a quote arriving meanwhile tells the entity again.
   */
  void take(final Consumer<TopOfBook> sink) {
    told.set(false);
    for (int i = 0; i < latest.length(); i++) {
      final TopOfBook book = latest.getAndSet(i, null);
      if (book != null) {
        sink.accept(book);
      }
    }
  }
}
