package dev.osprey.backtest;

import dev.osprey.domain.executor.Executor;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorFactory;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays executors over recorded quotes with the data's timestamps as the clock, driving the
 * domain state machines directly (no actors, no persistence): the same {@code decide}/{@code apply}
 * code as live.
 *
 * <p>Each tick (all rows with one timestamp): quotes are set and resting orders fill first; then
 * executors due to start start; then every running executor of a market that changed evaluates,
 * and every executor whose wake-up time has come is woken. Orders an evaluation submits go to the
 * venue at once, so marketable ones fill in the same tick, and the executor hears of it before the
 * next executor evaluates. Everything runs in config order: the same inputs give the same output.
 */
public final class ReplayEngine {
  private final ExecutorFactory factory;
  private final Map<String, VenueSpec> venueSpecs;

  public ReplayEngine(final ExecutorFactory factory, final Map<String, VenueSpec> venueSpecs) {
    this.factory = factory;
    this.venueSpecs = Map.copyOf(venueSpecs);
  }

  /** One executor's run: its config and final state. */
  public record Run(ExecutorConfig config, Executor executor) {}

  /** The outcome: every run in config order, the last tick's time, and the final books. */
  public record Result(List<Run> runs, Instant end, Map<ConnectorPair, TopOfBook> books,
      Map<ConnectorPair, TradingRules> rules) {

    public MarketView viewOf(final ExecutorConfig config) {
      return MarketView.of(config.markets().get(0), books, rules);
    }
  }

  private static final class Slot {
    final ExecutorConfig config;
    Executor executor;
    boolean started;

    Slot(final ExecutorConfig config, final Executor executor) {
      this.config = config;
      this.executor = executor;
    }
  }

  public Result run(final List<ExecutorConfig> configs, final List<MarketRow> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no market rows to replay");
    }
    final Map<String, ReplayVenue> venues = new LinkedHashMap<>();
    final List<Slot> slots = new ArrayList<>();
    for (ExecutorConfig c : configs) {
      slots.add(new Slot(c, factory.create(c)));
    }
    final Map<ClientOrderId, Slot> owners = new HashMap<>();
    final Map<ConnectorPair, TopOfBook> books = new HashMap<>();
    final Map<ConnectorPair, TradingRules> rules = new HashMap<>();
    final Deque<Work> work = new ArrayDeque<>();
    Instant now = rows.get(0).timestamp();
    int i = 0;
    while (i < rows.size()) {
      now = rows.get(i).timestamp();
      final Set<ConnectorPair> changed = new LinkedHashSet<>();
      while (i < rows.size() && rows.get(i).timestamp().equals(now)) {
        final MarketRow row = rows.get(i++);
        final ReplayVenue venue = venue(venues, row.market().connectorName());
        for (OrderEvent e : venue.quote(row.market().tradingPair(), row.bid(), row.ask(), now)) {
          work.add(new Work(owners.get(e.clientOrderId()), new ExecutorInput.OrderUpdate(e)));
        }
        books.put(row.market(), venue.book(row.market().tradingPair()).orElseThrow());
        rules.put(row.market(), venue.rules(row.market().tradingPair()));
        changed.add(row.market());
      }
      // One immutable copy per tick: every executor's view shares it (Map.copyOf of an immutable
      // map is the map itself), instead of copying the books once per evaluation.
      final Tick tick = new Tick(now, venues, owners, Map.copyOf(books), Map.copyOf(rules), work);
      tick.drain();                                            // fills first
      for (Slot s : slots) {
        if (!s.started && !s.config.timestamp().isAfter(now)) {
          s.started = true;
          tick.decide(s, new ExecutorInput.Start());
        }
      }
      for (Slot s : slots) {
        if (!s.started || s.executor.isTerminated()) {
          continue;
        }
        if (s.config.markets().stream().anyMatch(changed::contains)) {
          tick.decide(s, new ExecutorInput.MarketChanged());
        }
        if (!s.executor.isTerminated()
            && s.executor.wakeUpAt().map(t -> !t.isAfter(tick.now)).orElse(false)) {
          tick.decide(s, new ExecutorInput.Wake());
        }
      }
    }
    final List<Run> runs = new ArrayList<>(slots.size());
    for (Slot s : slots) {
      runs.add(new Run(s.config, s.executor));
    }
    return new Result(runs, now, Map.copyOf(books), Map.copyOf(rules));
  }

  private ReplayVenue venue(final Map<String, ReplayVenue> venues, final String name) {
    return venues.computeIfAbsent(name, n -> new ReplayVenue(n, venueSpecs.getOrDefault(n, VenueSpec.DEFAULT)));
  }

  private record Work(Slot slot, ExecutorInput input) {}

  /** One tick's processing: decisions, their orders at the venues, and the venues' answers. */
  private final class Tick {
    final Instant now;
    final Map<String, ReplayVenue> venues;
    final Map<ClientOrderId, Slot> owners;
    final Map<ConnectorPair, TopOfBook> books;
    final Map<ConnectorPair, TradingRules> rules;
    final Deque<Work> work;

    Tick(final Instant now, final Map<String, ReplayVenue> venues, final Map<ClientOrderId, Slot> owners,
        final Map<ConnectorPair, TopOfBook> books, final Map<ConnectorPair, TradingRules> rules,
        final Deque<Work> work) {
      this.now = now;
      this.venues = venues;
      this.owners = owners;
      this.books = books;
      this.rules = rules;
      this.work = work;
    }

    void decide(final Slot s, final ExecutorInput input) {
      work.add(new Work(s, input));
      drain();
    }

    void drain() {
      while (!work.isEmpty()) {
        final Work w = work.poll();
        if (w.slot() == null || w.slot().executor.isTerminated()) {
          continue;
        }
        final Slot s = w.slot();
        final MarketView view = MarketView.of(s.config.markets().get(0), books, rules);
        final List<ExecutorEvent> facts = s.executor.decide(w.input(), view, now);
        s.executor = s.executor.applyAll(facts);
        for (ExecutorEvent f : facts) {
          if (f instanceof ExecutorEvent.OrderSubmitted sub) {
            owners.put(sub.request().clientOrderId(), s);
            final ReplayVenue v = venue(venues, sub.request().connectorName());
            for (OrderEvent e : v.place(sub.request(), now)) {
              work.add(new Work(s, new ExecutorInput.OrderUpdate(e)));
            }
          } else if (f instanceof ExecutorEvent.CancelRequested c) {
            s.executor.orders().get(c.clientOrderId()).ifPresent(o -> {
              for (OrderEvent e : venue(venues, o.request().connectorName()).cancel(c.clientOrderId(), now)) {
                work.add(new Work(s, new ExecutorInput.OrderUpdate(e)));
              }
            });
          }
        }
      }
    }
  }
}
