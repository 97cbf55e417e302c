package dev.osprey.exchange.paper;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A synthetic market for the paper venue: each {@link #tick} moves the mid of every pair it owns by
 * a random whole number of basis points in {@code [−maxStepBps, +maxStepBps]} and quotes it on the
 * venue with a fixed relative spread.
 *
 * <p>Deterministic: the moves come from a {@link SplittableRandom} seeded once, drawn as integers,
 * and all price math is {@link BigDecimal}; the same seed, pairs and venue state give the same
 * quotes. Each step starts from the venue's current mid for the pair (so a quote set by hand is
 * where the walk continues), or from the start price before the first quote. Mids, bids and asks
 * sit on the pair's price increment: the mid is rounded half-even, the bid rounded down and the ask
 * up from {@code mid ∓ mid × spread / 2}, never below one increment.
 *
 * <p>The feed only ever quotes the pairs it was given; every other pair of the venue moves only
 * when someone else sets its quote. Not thread-safe: one scheduler calls {@link #tick}.
 */
public final class RandomWalkFeed {
  /** The default pairs and start prices: BTC-USDT 65000, ETH-USDT 3000, SOL-USDT 150. */
  public static final Map<TradingPair, BigDecimal> DEFAULT_START_PRICES = defaultStartPrices();

  private static final BigDecimal BPS = BigDecimal.valueOf(10_000);
  private static final BigDecimal HALF = new BigDecimal("0.5");

  /** Where a feed reads the current quote and price increment of a pair, and sets its quotes. */
  public interface Quotes {
    Optional<TopOfBook> topOfBook(TradingPair pair);

    /** The pair's price increment (its market's, else the venue's default). */
    BigDecimal priceIncrement(TradingPair pair);

    TopOfBook setQuote(
        TradingPair pair, Price bid, Price ask, Quantity bidSize, Quantity askSize);

    /** {@code venue} itself: quotes are set on it at once. */
    static Quotes of(final PaperExchange venue) {
      Objects.requireNonNull(venue, "venue");
      return reading(() -> venue, venue::setQuote);
    }

    /**
     * Reads the current quote and increment from the venue {@code venue} supplies, and sets quotes
     * through {@code setter} (which may record them rather than apply them).
     */
    static Quotes reading(final Supplier<PaperExchange> venue, final Setter setter) {
      return new Quotes() {
        @Override
        public Optional<TopOfBook> topOfBook(final TradingPair pair) {
          return venue.get().topOfBook(pair);
        }

        @Override
        public BigDecimal priceIncrement(final TradingPair pair) {
          final PaperExchange v = venue.get();
          return v.marketConfig(pair).orElse(v.defaultMarketConfig()).rules().priceIncrement();
        }

        @Override
        public TopOfBook setQuote(
            final TradingPair pair,
            final Price bid,
            final Price ask,
            final Quantity bidSize,
            final Quantity askSize) {
          return setter.setQuote(pair, bid, ask, bidSize, askSize);
        }
      };
    }

    /** How a feed's quote is set. */
    @FunctionalInterface
    interface Setter {
      TopOfBook setQuote(
          TradingPair pair, Price bid, Price ask, Quantity bidSize, Quantity askSize);
    }
  }

  private final Quotes venue;
  private final SplittableRandom random;
  private final Map<TradingPair, BigDecimal> startPrices;
  private final int maxStepBps;
  private final BigDecimal spread;
  private final Quantity displayedSize;

  /**
   * @param venue the venue to quote on
   * @param seed seed of the move generator
   * @param startPrices the pairs this feed owns and their first mids (iteration order is kept)
   * @param maxStepBps largest move per tick, in basis points (0 to 9999)
   * @param spread ask − bid as a fraction of the mid, for example {@code 0.0002} (2 bps)
   * @param displayedSize bid and ask size of every quote, null for unlimited
   */
  public RandomWalkFeed(
      final PaperExchange venue,
      final long seed,
      final Map<TradingPair, BigDecimal> startPrices,
      final int maxStepBps,
      final BigDecimal spread,
      final Quantity displayedSize) {
    this(Quotes.of(venue), seed, startPrices, maxStepBps, spread, displayedSize);
  }

  /** As the other constructor, quoting through {@code venue}. */
  public RandomWalkFeed(
      final Quotes venue,
      final long seed,
      final Map<TradingPair, BigDecimal> startPrices,
      final int maxStepBps,
      final BigDecimal spread,
      final Quantity displayedSize) {
    this.venue = Objects.requireNonNull(venue, "venue");
    this.random = new SplittableRandom(seed);
    this.startPrices = new LinkedHashMap<>(Objects.requireNonNull(startPrices, "startPrices"));
    this.maxStepBps = maxStepBps;
    this.spread = Objects.requireNonNull(spread, "spread");
    this.displayedSize = displayedSize;
    if (maxStepBps < 0 || maxStepBps >= 10_000) {
      throw new IllegalArgumentException("max_step_bps must be in [0, 9999], got " + maxStepBps);
    }
    if (spread.signum() < 0 || spread.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException(
          "spread must be a fraction in [0, 1), got " + spread.toPlainString());
    }
    for (Map.Entry<TradingPair, BigDecimal> e : this.startPrices.entrySet()) {
      if (e.getValue() == null || e.getValue().signum() <= 0) {
        throw new IllegalArgumentException("start price of " + e.getKey() + " must be positive");
      }
    }
  }

  /** The default pairs, a 5 bps max step, a 2 bps spread and unlimited sizes. */
  public static RandomWalkFeed withDefaults(final PaperExchange venue, final long seed) {
    return new RandomWalkFeed(
        venue, seed, DEFAULT_START_PRICES, 5, new BigDecimal("0.0002"), null);
  }

  /** The pairs this feed quotes, in quoting order. */
  public List<TradingPair> pairs() {
    return List.copyOf(startPrices.keySet());
  }

  /** Moves every owned pair one step and quotes it on the venue, in {@link #pairs()} order. */
  public List<TopOfBook> tick() {
    final List<TopOfBook> out = new ArrayList<>();
    for (TradingPair pair : startPrices.keySet()) {
      final BigDecimal increment = priceIncrement(pair);
      final BigDecimal from = currentMid(pair, increment);
      final int moveBps = random.nextInt(-maxStepBps, maxStepBps + 1);
      // × (10000 + n) / 10000 as a shift of the decimal point: exact, no division.
      final BigDecimal moved =
          from.multiply(BPS.add(BigDecimal.valueOf(moveBps))).movePointLeft(4);
      out.add(quote(pair, atLeastOne(roundHalfEven(moved, increment), increment), increment));
    }
    return out;
  }

  /** Quotes every owned pair at its current mid without moving it (to seed the book at start). */
  public List<TopOfBook> publish() {
    final List<TopOfBook> out = new ArrayList<>();
    for (TradingPair pair : startPrices.keySet()) {
      final BigDecimal increment = priceIncrement(pair);
      out.add(quote(pair, currentMid(pair, increment), increment));
    }
    return out;
  }

  private TopOfBook quote(
      final TradingPair pair, final BigDecimal mid, final BigDecimal increment) {
    final BigDecimal half = mid.multiply(spread).multiply(HALF);
    final BigDecimal bid = atLeastOne(Decimals.floorTo(mid.subtract(half), increment), increment);
    final BigDecimal ask = Decimals.max(bid, Decimals.ceilTo(mid.add(half), increment));
    return venue.setQuote(pair, Price.of(bid), Price.of(ask), displayedSize, displayedSize);
  }

  private BigDecimal currentMid(final TradingPair pair, final BigDecimal increment) {
    final BigDecimal mid =
        venue.topOfBook(pair).map(t -> t.mid().value()).orElse(startPrices.get(pair));
    return atLeastOne(roundHalfEven(mid, increment), increment);
  }

  private BigDecimal priceIncrement(final TradingPair pair) {
    return venue.priceIncrement(pair);
  }

  private static BigDecimal roundHalfEven(final BigDecimal value, final BigDecimal increment) {
    if (increment.signum() == 0) {
      return value;
    }
    return value.divide(increment, 0, RoundingMode.HALF_EVEN).multiply(increment);
  }

  /** A price never falls to zero: the smallest quotable price is one increment. */
  private static BigDecimal atLeastOne(final BigDecimal price, final BigDecimal increment) {
    if (price.signum() > 0) {
      return price;
    }
    return increment.signum() > 0 ? increment : new BigDecimal("1E-8");
  }

  private static Map<TradingPair, BigDecimal> defaultStartPrices() {
    final Map<TradingPair, BigDecimal> m = new LinkedHashMap<>();
    m.put(TradingPair.parse("BTC-USDT"), new BigDecimal("65000"));
    m.put(TradingPair.parse("ETH-USDT"), new BigDecimal("3000"));
    m.put(TradingPair.parse("SOL-USDT"), new BigDecimal("150"));
    return Collections.unmodifiableMap(m);
  }
}
