package dev.osprey.agent.market;

import dev.osprey.domain.money.Price;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds OHLC candles of every {@link CandleInterval} from a stream of mid prices.
 *
 * <p>Mutable and not synchronized: it is meant to be owned by one actor or one thread
 * (thread-safe by confinement), like the rest of an agent's per-tick state. It is pure: time comes
 * only from the instants passed to {@link #onMid}, never from a clock, so replaying the same
 * observations gives the same candles.
 *
 * <p>Each interval keeps at most {@code maxClosedCandles} closed candles plus the forming one; the
 * oldest closed candle is dropped first. A bucket in which no mid was observed has no candle: a
 * gap in the feed is not papered over with an invented flat candle.
 */
public final class CandleBuilder {
  /** Closed candles kept per interval unless the constructor says otherwise. */
  public static final int DEFAULT_MAX_CLOSED_CANDLES = 500;

  private final int maxClosedCandles;
  private final Map<CandleInterval, Series> series = new EnumMap<>(CandleInterval.class);

  /** A builder keeping {@value #DEFAULT_MAX_CLOSED_CANDLES} closed candles per interval. */
  public CandleBuilder() {
    this(DEFAULT_MAX_CLOSED_CANDLES);
  }

  /**
   * @param maxClosedCandles how many closed candles each interval keeps, at least 1
   */
  public CandleBuilder(final int maxClosedCandles) {
    if (maxClosedCandles < 1) {
      throw new IllegalArgumentException("maxClosedCandles must be at least 1: " + maxClosedCandles);
    }
    this.maxClosedCandles = maxClosedCandles;
    for (final CandleInterval interval : CandleInterval.values()) {
      series.put(interval, new Series(interval));
    }
  }

  /**
   * Adds one observed mid price to every interval's candles.
   *
   * @param at when the mid was observed
   * @param mid the mid price
   */
  public void onMid(final Instant at, final Price mid) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(mid, "mid");
    for (final Series s : series.values()) {
      s.add(at, mid);
    }
  }

  /**
   * The most recent candles of one interval, oldest first; the last one is the forming candle
   * (the bucket of the latest observation), which may still change.
   *
   * @param interval which candles
   * @param limit how many at most, at least 1
   * @return up to {@code limit} candles, empty before the first observation
   */
  public List<Candle> candles(final CandleInterval interval, final int limit) {
    Objects.requireNonNull(interval, "interval");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    return series.get(interval).last(limit);
  }

  /** The candles of one interval: closed ones in a bounded deque, then the forming one. */
  private final class Series {
    private final CandleInterval interval;
    private final ArrayDeque<Candle> closed = new ArrayDeque<>();
    private FormingCandle forming;

    Series(final CandleInterval interval) {
      this.interval = interval;
    }

    void add(final Instant at, final Price mid) {
      final Instant bucket = interval.bucketStart(at);
      if (forming == null || bucket.isAfter(forming.openTime)) {
        if (forming != null) {
          close(forming.toCandle());
        }
        forming = new FormingCandle(bucket, at, mid);
      } else if (bucket.equals(forming.openTime)) {
        forming.add(at, mid);
      }
      // else: the observation belongs to a bucket that has already closed. Closed candles are
      // final (indicators and journals may have read them), so a late mid is ignored.
    }

    private void close(final Candle candle) {
      closed.addLast(candle);
      if (closed.size() > maxClosedCandles) {
        closed.removeFirst();
      }
    }

    List<Candle> last(final int limit) {
      if (forming == null) {
        return List.of();
      }
      final List<Candle> all = new ArrayList<>(closed.size() + 1);
      all.addAll(closed);
      all.add(forming.toCandle());
      return Collections.unmodifiableList(
          new ArrayList<>(all.subList(Math.max(0, all.size() - limit), all.size())));
    }
  }

  /**
   * The candle of the current bucket while it accumulates. Open and close follow observation time,
   * not arrival order: a mid that arrives late but still inside the current bucket widens high and
   * low, and becomes the open only if it is the earliest seen, the close only if the latest.
   */
  private static final class FormingCandle {
    private final Instant openTime;
    private Instant firstAt;
    private Instant lastAt;
    private Price open;
    private Price high;
    private Price low;
    private Price close;

    FormingCandle(final Instant openTime, final Instant at, final Price mid) {
      this.openTime = openTime;
      this.firstAt = at;
      this.lastAt = at;
      this.open = mid;
      this.high = mid;
      this.low = mid;
      this.close = mid;
    }

    void add(final Instant at, final Price mid) {
      high = Price.max(high, mid);
      low = Price.min(low, mid);
      if (at.isBefore(firstAt)) {
        firstAt = at;
        open = mid;
      }
      if (!at.isBefore(lastAt)) {
        lastAt = at;
        close = mid;
      }
    }

    Candle toCandle() {
      return new Candle(openTime, open, high, low, close);
    }
  }
}
