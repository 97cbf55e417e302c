package dev.osprey.domain.executor.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives one {@link LpExecutor} as the engine does: every input goes through {@code decide}, the
 * facts are applied and journaled, and after every decision replay ({@code create(config)} folded
 * with the journal) must rebuild exactly the live state and report. The pool price is set as a
 * book whose bid and ask are both that price, so the mid is exactly it.
 */
final class LpRun {
  private final LpExecutorConfig config;
  private final List<ExecutorEvent> journal = new ArrayList<>();
  private LpExecutor executor;
  private TopOfBook book;
  private Instant now = LpConfigs.T0;

  LpRun(final LpExecutorConfig config) {
    this.config = config;
    this.executor = LpExecutor.create(config);
  }

  LpExecutor executor() {
    return executor;
  }

  List<ExecutorEvent> journal() {
    return List.copyOf(journal);
  }

  MarketView market() {
    return MarketView.of(book, TradingRules.DEFAULT);
  }

  ExecutorReport report() {
    return executor.report(market(), now);
  }

  /** Moves the clock to {@code seconds} after T0. */
  LpRun at(final long seconds) {
    now = LpConfigs.T0.plusSeconds(seconds);
    return this;
  }

  /** Sets the pool price without telling the executor. */
  LpRun price(final String p) {
    book = TopOfBook.of("paper", LpConfigs.PAIR, Price.of(p), Price.of(p), now);
    return this;
  }

  LpRun noQuote() {
    book = null;
    return this;
  }

  List<ExecutorEvent> start() {
    return decide(new ExecutorInput.Start());
  }

  /** The pool price moves to {@code p}. */
  List<ExecutorEvent> move(final String p) {
    price(p);
    return decide(new ExecutorInput.MarketChanged());
  }

  List<ExecutorEvent> wake() {
    return decide(new ExecutorInput.Wake());
  }

  List<ExecutorEvent> stop(final boolean keepPosition) {
    return decide(new ExecutorInput.Stop(keepPosition));
  }

  private List<ExecutorEvent> decide(final ExecutorInput input) {
    final List<ExecutorEvent> facts = executor.decide(input, market(), now);
    executor = (LpExecutor) executor.applyAll(facts);
    journal.addAll(facts);
    final LpExecutor replayed = (LpExecutor) LpExecutor.create(config).applyAll(journal);
    assertEquals(executor, replayed, "replay of the journal must rebuild the live state");
    assertEquals(executor.report(market(), now), replayed.report(market(), now));
    return facts;
  }
}
