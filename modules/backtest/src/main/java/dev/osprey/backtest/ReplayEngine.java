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
import dev.osprey.domain.money.Price;
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
import java.util.Optional;
import java.util.Set;

/**
 * Replays executors over recorded quotes and scripted actions with the data's timestamps as the
 * clock, driving the domain state machines directly (no actors, no persistence): the same {@code
 * decide}/{@code apply} code as live, against the paper venue's own matching ({@link
 * ReplayVenues}).
 *
 * <p>Each tick (every row and action with one timestamp): the rows' quotes are set and the resting
 * orders they cross fill first; then the actions run in file order; then executors due to start
 * start; then every running executor of a market that changed evaluates, and every executor whose
 * wake-up time has come is woken. Orders an evaluation submits go to the venue at once, so
 * marketable ones fill in the same tick, and the executor hears of it before the next executor
 * evaluates. Everything runs on one thread in config order: the same inputs give the same output.
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

  /**
   * Something that acts on the replay's clock beside the executors: a replayed agent. It is asked
   * at every point of the timeline whether it is due, and its due times are points of the
   * timeline themselves (while data remains), so it acts exactly when it would live.
   */
  public interface Participant {
    /** When it next wants to act; empty for never again. */
    Optional<Instant> nextDue();

    /** A market's quote changed (after the venue matched resting orders against it). */
    void quoted(ConnectorPair market, TopOfBook top);

    /**
     * Acts at {@code now}, after the quotes, fills, scripted actions and executors of that time:
     * what it creates or stops through {@code desk} takes effect at once.
     */
    void act(Instant now, Desk desk);
  }

  /** What a participant sees of the replay and may do in it. */
  public interface Desk {
    /** Every executor so far, in creation order, with its state now. */
    List<Run> runs();

    /** The latest quotes and trading rules. */
    MarketView view(ConnectorPair market);

    /** Starts an executor now. @throws IllegalArgumentException when its id is taken */
    void create(ExecutorConfig config);

    /** Stops a running executor; false when it is unknown or not running. */
    boolean stop(String executorId, boolean keepPosition);
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

  private record Work(Slot slot, ExecutorInput input) {}

  public Result run(final List<ExecutorConfig> configs, final List<MarketRow> rows) {
    return run(configs, rows, List.of());
  }

  /** Replays {@code rows} and {@code actions} (both sorted by time, file order on ties). */
  Result run(final List<ExecutorConfig> configs, final List<MarketRow> rows,
      final List<ReplayAction> actions) {
    return run(configs, rows, actions, null);
  }

  /** As {@link #run(List, List, List)}, with {@code participant} (may be null) acting when due. */
  public Result run(final List<ExecutorConfig> configs, final List<MarketRow> rows,
      final List<ReplayAction> actions, final Participant participant) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no market rows to replay");
    }
    final Instant first = actions.isEmpty() || rows.get(0).timestamp().isBefore(actions.get(0).at())
        ? rows.get(0).timestamp()
        : actions.get(0).at();
    return new Replay(configs, first, participant).run(rows, actions);
  }

  /** The state of one replay run. */
  private final class Replay implements Desk {
    final List<Slot> slots = new ArrayList<>();
    final Map<String, Slot> byId = new HashMap<>();
    final Map<ClientOrderId, Slot> owners = new HashMap<>();
    final Map<ConnectorPair, TopOfBook> books = new HashMap<>();
    final Map<ConnectorPair, TradingRules> rules = new HashMap<>();
    final Deque<Work> work = new ArrayDeque<>();
    final ReplayClock clock;
    final ReplayVenues venues;
    final Set<ConnectorPair> changed = new LinkedHashSet<>();
    /** One immutable copy per change of the books, shared by every executor's view. */
    Map<ConnectorPair, TopOfBook> booksNow = Map.of();
    Map<ConnectorPair, TradingRules> rulesNow = Map.of();
    final Participant participant;

    Replay(final List<ExecutorConfig> configs, final Instant start, final Participant participant) {
      this.participant = participant;
      for (ExecutorConfig c : configs) {
        final Slot s = new Slot(c, factory.create(c));
        slots.add(s);
        byId.put(c.id(), s);
      }
      clock = new ReplayClock(start);
      venues = new ReplayVenues(venueSpecs, clock);
    }

    Result run(final List<MarketRow> rows, final List<ReplayAction> actions) {
      int i = 0;
      int a = 0;
      while (i < rows.size() || a < actions.size()) {
        final Instant now = nextTime(rows, i, actions, a);
        clock.advanceTo(now);
        changed.clear();
        while (i < rows.size() && rows.get(i).timestamp().equals(now)) {
          final MarketRow row = rows.get(i++);
          quote(row.market(), row.bid(), row.ask());
        }
        drain();                                              // fills first
        while (a < actions.size() && actions.get(a).at().equals(now)) {
          act(actions.get(a++));
        }
        for (Slot s : slots) {
          if (!s.started && !s.config.timestamp().isAfter(now)) {
            s.started = true;
            decide(s, new ExecutorInput.Start());
          }
        }
        for (Slot s : slots) {
          if (!s.started || s.executor.isTerminated()) {
            continue;
          }
          if (s.config.markets().stream().anyMatch(changed::contains)) {
            decide(s, new ExecutorInput.MarketChanged());
          }
          if (!s.executor.isTerminated()
              && s.executor.wakeUpAt().map(t -> !t.isAfter(now)).orElse(false)) {
            decide(s, new ExecutorInput.Wake());
          }
        }
        if (participantDue(now)) {
          participant.act(now, this);
          if (participantDue(now)) {
            throw new IllegalStateException("a replay participant is due again at " + now + " after acting");
          }
        }
      }
      return new Result(runs(), clock.instant(), booksNow, rulesNow);
    }

    /** The next point of the timeline: a row, an action, or a participant's due time before them. */
    private Instant nextTime(final List<MarketRow> rows, final int i,
        final List<ReplayAction> actions, final int a) {
      final Instant data;
      if (a >= actions.size()) {
        data = rows.get(i).timestamp();
      } else if (i >= rows.size()) {
        data = actions.get(a).at();
      } else {
        final Instant row = rows.get(i).timestamp();
        final Instant action = actions.get(a).at();
        data = row.isBefore(action) ? row : action;
      }
      final Optional<Instant> due = participant == null ? Optional.empty() : participant.nextDue();
      return due.isPresent() && due.get().isAfter(clock.instant()) && due.get().isBefore(data) ? due.get() : data;
    }

    private boolean participantDue(final Instant now) {
      return participant != null && participant.nextDue().map(t -> !t.isAfter(now)).orElse(false);
    }

    @Override
    public List<Run> runs() {
      final List<Run> runs = new ArrayList<>(slots.size());
      for (Slot s : slots) {
        runs.add(new Run(s.config, s.executor));
      }
      return runs;
    }

    @Override
    public MarketView view(final ConnectorPair market) {
      return MarketView.of(market, booksNow, rulesNow);
    }

    @Override
    public void create(final ExecutorConfig config) {
      if (byId.containsKey(config.id())) {
        throw new IllegalArgumentException("executor id '" + config.id() + "' is taken");
      }
      final Slot s = new Slot(config, factory.create(config));
      slots.add(s);
      byId.put(config.id(), s);
      s.started = true;
      decide(s, new ExecutorInput.Start());
    }

    @Override
    public boolean stop(final String executorId, final boolean keepPosition) {
      final Slot s = byId.get(executorId);
      if (s == null || !s.started || s.executor.isTerminated()) {
        return false;
      }
      decide(s, new ExecutorInput.Stop(keepPosition));
      return true;
    }

    private void quote(final ConnectorPair market, final Price bid, final Price ask) {
      heard(null, venues.quote(market, bid, ask));
      books.put(market, venues.book(market).orElseThrow());
      rules.put(market, venues.rules(market));
      booksNow = Map.copyOf(books);
      rulesNow = Map.copyOf(rules);
      changed.add(market);
      if (participant != null) {
        participant.quoted(market, books.get(market));
      }
    }

    private void act(final ReplayAction action) {
      if (action instanceof ReplayAction.Quote q) {
        quote(q.market(), q.bid(), q.ask());
        drain();
      } else if (action instanceof ReplayAction.SetBalance b) {
        venues.setBalance(b.connector(), b.asset(), b.amount());
      } else if (action instanceof ReplayAction.Stop stop) {
        // As live, stopping an executor that is not running changes nothing.
        stop(stop.executorId(), stop.keepPosition());
      }
    }

    /** Queues {@code events} for their owners; {@code by} owns them when the venue does not say. */
    private void heard(final Slot by, final List<OrderEvent> events) {
      for (OrderEvent e : events) {
        final Slot owner = owners.get(e.clientOrderId());
        work.add(new Work(owner == null ? by : owner, new ExecutorInput.OrderUpdate(e)));
      }
    }

    private void decide(final Slot s, final ExecutorInput input) {
      work.add(new Work(s, input));
      drain();
    }

    private void drain() {
      while (!work.isEmpty()) {
        final Work w = work.poll();
        if (w.slot() == null || w.slot().executor.isTerminated()) {
          continue;
        }
        final Slot s = w.slot();
        final MarketView view = MarketView.of(s.config.markets().get(0), booksNow, rulesNow);
        final List<ExecutorEvent> facts = s.executor.decide(w.input(), view, clock.instant());
        s.executor = s.executor.applyAll(facts);
        for (ExecutorEvent f : facts) {
          if (f instanceof ExecutorEvent.OrderSubmitted sub) {
            owners.put(sub.request().clientOrderId(), s);
            heard(s, venues.place(sub.request()));
          } else if (f instanceof ExecutorEvent.CancelRequested c) {
            s.executor.orders().get(c.clientOrderId()).ifPresent(
                o -> heard(s, venues.cancel(o.request().connectorName(), c.clientOrderId())));
          }
        }
      }
    }
  }
}
