package dev.osprey.backtest;

import dev.osprey.agent.market.Candle;
import dev.osprey.agent.market.CandleBuilder;
import dev.osprey.agent.market.CandleInterval;
import dev.osprey.agent.routine.AlertLog;
import dev.osprey.agent.routine.RoutineChannels;
import dev.osprey.agent.routine.RoutineContext;
import dev.osprey.agent.routine.WebhookSender;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.PaperTrade;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The replay's markets as routines and the agent's observation read them: the latest quotes, and
 * candles of mid prices built from every quote the replay sets, stamped with the data's time, the
 * way a live node builds them from its venues' quotes. Connector names resolve to paper twins as
 * live. Webhooks are not sent: replaying history must not notify anyone.
 */
final class ReplayMarkets implements RoutineContext {
  private final Map<ConnectorPair, CandleBuilder> candles = new HashMap<>();
  private final Map<ConnectorPair, TopOfBook> tops = new HashMap<>();
  private final Predicate<String> venueExists;
  private final RoutineChannels channels;

  ReplayMarkets(final Clock clock, final Predicate<String> venueExists) {
    this.venueExists = venueExists;
    this.channels = new RoutineChannels(clock, (url, body) -> {
      throw new UncheckedIOException(new java.io.IOException(
          "webhooks are not sent in a backtest (" + WebhookSender.origin(url) + ")"));
    }, new AlertLog());
  }

  void quoted(final ConnectorPair market, final TopOfBook top) {
    tops.put(market, top);
    candles.computeIfAbsent(market, m -> new CandleBuilder()).onMid(top.timestamp(), top.mid());
  }

  /** The venue that trades {@code connector} in this replay: itself, or its paper twin. */
  String venueOf(final String connector) {
    return PaperTrade.resolve(connector, venueExists);
  }

  @Override
  public List<Candle> candles(final String connector, final TradingPair pair, final CandleInterval interval,
      final int limit) {
    final CandleBuilder b = candles.get(new ConnectorPair(venueOf(connector), pair));
    return b == null ? List.of() : b.candles(interval, limit);
  }

  @Override
  public Optional<TopOfBook> topOfBook(final String connector, final TradingPair pair) {
    return Optional.ofNullable(tops.get(new ConnectorPair(venueOf(connector), pair)));
  }

  @Override
  public RoutineChannels channels() {
    return channels;
  }
}
