package dev.osprey.engine.paper;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.exchange.paper.PaperExchange;
import dev.osprey.exchange.paper.PaperState;
import dev.osprey.exchange.paper.SteppedClock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A paper venue entity's state: the deterministic {@link PaperExchange} its events are replayed
 * through, on a clock that reads each event's instant, and the updates of its latest events, kept
 * so that a node that missed some can be sent them again. Mutable, and owned by the entity: only
 * its event handler changes it ({@link #apply}), the same way live and in recovery.
 */
final class PaperVenueState {
  /** A clock that reads the instant of the event being applied. */
  private static final class EventClock extends SteppedClock {
    EventClock() {
      super(Instant.EPOCH);
    }

    void at(final Instant instant) {
      set(instant);
    }
  }

  private final String name;
  private final int keptUpdates;
  private final EventClock clock = new EventClock();
  private final Deque<PaperVenueUpdate> recent = new ArrayDeque<>();
  private final List<OrderEvent> emitted = new ArrayList<>();
  private PaperExchange venue;
  private long seq;

  /**
   * @param keptUpdates how many of the latest updates are kept for nodes that missed them
   */
  PaperVenueState(final String name, final int keptUpdates) {
    this.name = name;
    this.keptUpdates = keptUpdates;
  }

  /** A state continuing from a snapshot taken at event {@code seq}. */
  static PaperVenueState restored(
      final String name, final int keptUpdates, final long seq, final PaperState saved) {
    final PaperVenueState s = new PaperVenueState(name, keptUpdates);
    s.open(PaperExchange.restore(name, s.clock, saved));
    s.seq = seq;
    return s;
  }

  boolean isOpen() {
    return venue != null;
  }

  /** The sequence number of the last event applied. */
  long seq() {
    return seq;
  }

  /** The venue as of the last event; only read it (every change is an event). */
  PaperExchange venue() {
    return venue;
  }

  /** Applies the next event and returns what it changed, as the nodes following it need it. */
  PaperVenueUpdate apply(final PaperVenueEvent event) {
    seq++;
    clock.at(event.at());
    emitted.clear();
    final List<TopOfBook> quotes = new ArrayList<>();
    final List<TradingPair> touched = new ArrayList<>();
    if (event instanceof PaperVenueEvent.Opened e) {
      open(new PaperExchange(name, clock, e.defaults(), e.balances()));
      touched.addAll(venue.listedMarkets());
    } else if (event instanceof PaperVenueEvent.Imported e) {
      open(PaperExchange.restore(name, clock, e.state()));
      touched.addAll(venue.listedMarkets());
      venue.listedMarkets().forEach(p -> venue.topOfBook(p).ifPresent(quotes::add));
    } else if (event instanceof PaperVenueEvent.QuoteSet e) {
      quotes.add(venue.setQuote(e.pair(), e.bid(), e.ask(), e.bidSize(), e.askSize()));
      touched.add(e.pair());
    } else if (event instanceof PaperVenueEvent.OrderPlaced e) {
      venue.place(e.request());
    } else if (event instanceof PaperVenueEvent.OrderCancelled e) {
      venue.cancel(e.clientOrderId());
    } else if (event instanceof PaperVenueEvent.MarketConfigured e) {
      venue.configureMarket(e.pair(), e.config());
      touched.add(e.pair());
    } else if (event instanceof PaperVenueEvent.BalancesSet e) {
      venue.setBalances(e.available());
    }
    final List<PaperVenueUpdate.Listing> markets = new ArrayList<>();
    for (TradingPair p : touched) {
      venue.marketConfig(p).ifPresent(c -> markets.add(new PaperVenueUpdate.Listing(p, c)));
    }
    final PaperVenueUpdate update =
        new PaperVenueUpdate(seq, markets, quotes, emitted, venue.balances());
    recent.addLast(update);
    while (recent.size() > keptUpdates) {
      recent.removeFirst();
    }
    return update;
  }

  private void open(final PaperExchange opened) {
    venue = opened;
    venue.subscribeOrderEvents(emitted::add);
  }

  /**
   * The updates after event {@code afterSeq}, if all of them are still kept (empty list: nothing
   * new); empty when some are gone and the follower needs the whole replica.
   */
  Optional<List<PaperVenueUpdate>> updatesAfter(final long afterSeq) {
    if (afterSeq >= seq) {
      return Optional.of(List.of());
    }
    if (recent.isEmpty() || recent.peekFirst().seq() > afterSeq + 1) {
      return Optional.empty();
    }
    final List<PaperVenueUpdate> out = new ArrayList<>();
    for (PaperVenueUpdate u : recent) {
      if (u.seq() > afterSeq) {
        out.add(u);
      }
    }
    return Optional.of(out);
  }

  /** What a node reads of the venue, as of now. */
  PaperVenueReplica replica() {
    final List<PaperVenueUpdate.Listing> markets = new ArrayList<>();
    final List<TopOfBook> quotes = new ArrayList<>();
    for (TradingPair p : venue.listedMarkets()) {
      venue.marketConfig(p).ifPresent(c -> markets.add(new PaperVenueUpdate.Listing(p, c)));
      venue.topOfBook(p).ifPresent(quotes::add);
    }
    return new PaperVenueReplica(seq, markets, quotes, venue.balances());
  }

  /** The snapshot of this state: the venue's saved form and the event it was taken at. */
  PaperVenueSnapshot snapshot() {
    return new PaperVenueSnapshot(seq, venue.snapshot());
  }
}
