package dev.osprey.agent.routine;

import dev.osprey.agent.market.Candle;
import dev.osprey.agent.market.CandleInterval;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Everything a routine may read or reach: market data, the time and the outbound channels. The
 * engine provides one backed by live feeds; tests and backtests provide scripted ones, which is
 * what keeps routines deterministic.
 */
public interface RoutineContext {
  /**
   * The most recent candles of a market, oldest first; the last may still be forming.
   *
   * @param connector the venue, as agents name it ({@code binance})
   * @param pair the market
   * @param interval the candle length
   * @param limit how many at most
   * @return up to {@code limit} candles; empty for an unknown market
   */
  List<Candle> candles(String connector, TradingPair pair, CandleInterval interval, int limit);

  /** The latest best bid and ask of a market, if it has been seen. */
  Optional<TopOfBook> topOfBook(String connector, TradingPair pair);

  /** The clock, webhook sender and alert log this context's routines use. */
  RoutineChannels channels();

  /** The time routines stamp what they do with. */
  default Clock clock() {
    return channels().clock();
  }

  /** Where webhook routines POST. */
  default WebhookSender webhooks() {
    return channels().webhooks();
  }

  /** Where alert routines record. */
  default AlertSink alerts() {
    return channels().alerts();
  }
}
