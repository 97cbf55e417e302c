package dev.osprey.domain.executor.arbitrage;

import dev.osprey.domain.executor.EventText;
import dev.osprey.domain.executor.Executor;
import dev.osprey.domain.executor.ExecutorRun;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.RejectReason;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link ExecutorRun} of a cross-venue executor (arbitrage or XEMM) over two paper venues: it sees
 * the books and rules of both. Facts come back as text, submissions with their venue.
 */
public final class CrossVenueRun<E extends Executor> extends ExecutorRun<E, CrossVenueRun<E>, List<String>> {
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  public static final TradingPair BTC_USDT = TradingPair.parse("BTC-USDT");
  /** The buying market of every test config (the primary). */
  public static final ConnectorPair PAPER = new ConnectorPair("paper", BTC_USDT);
  /** The selling market of every test config. */
  public static final ConnectorPair PAPER_B = new ConnectorPair("paper_b", BTC_USDT);

  /** Submissions name their venue and have no position action. */
  private static final EventText TEXT = new EventText() {
    @Override
    protected String submitted(final OrderRequest r) {
      return r.connectorName() + " " + sideTypeAmountPrice(r);
    }
  };

  public CrossVenueRun(final Supplier<E> factory) {
    super(factory, PAPER, T0, TEXT::all);
  }

  @Override
  public MarketView market() {
    return markets();
  }

  /**
   * The venue refuses order {@code firstSeq} and every re-send of it, one per second, until the
   * executor has used up its {@code maxRetries}.
   */
  public CrossVenueRun<E> refuseEveryRetry(final int firstSeq, final int maxRetries) {
    for (int i = 0; i <= maxRetries; i++) {
      at(i);
      wake();
      rejected(firstSeq + i, RejectReason.VENUE_ERROR);
    }
    return this;
  }

  /** A scenario: {@code run}, stopped before it started. */
  public static <E extends Executor> Supplier<CrossVenueRun<E>> stoppedBeforeStart(
      final Supplier<CrossVenueRun<E>> run, final boolean keepPosition) {
    return () -> {
      final CrossVenueRun<E> r = run.get();
      r.stop(keepPosition);
      return r;
    };
  }
}
