package dev.osprey.agent.routine;

import dev.osprey.agent.market.Candle;
import dev.osprey.agent.market.CandleInterval;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A routine context with scripted candles, a fixed clock, an {@link AlertLog} and a given webhook
 * sender; it remembers how many candles each call asked for.
 */
final class ScriptedRoutineContext implements RoutineContext {
  private final Map<String, List<Candle>> candles = new HashMap<>();
  private final List<Integer> requestedLimits = new ArrayList<>();
  private final RoutineChannels channels;

  ScriptedRoutineContext(final Instant now, final WebhookSender webhooks) {
    this.channels = new RoutineChannels(Clock.fixed(now, ZoneOffset.UTC), webhooks, new AlertLog());
  }

  private static String key(
      final String connector, final TradingPair pair, final CandleInterval interval) {
    return connector + "/" + pair + "/" + interval;
  }

  ScriptedRoutineContext withCandles(
      final String connector,
      final String pair,
      final CandleInterval interval,
      final List<Candle> series) {
    candles.put(key(connector, TradingPair.parse(pair), interval), List.copyOf(series));
    return this;
  }

  List<Integer> requestedLimits() {
    return requestedLimits;
  }

  AlertLog alertLog() {
    return channels.alerts();
  }

  @Override
  public List<Candle> candles(
      final String connector,
      final TradingPair pair,
      final CandleInterval interval,
      final int limit) {
    requestedLimits.add(limit);
    final List<Candle> series = candles.getOrDefault(key(connector, pair, interval), List.of());
    return series.subList(Math.max(0, series.size() - limit), series.size());
  }

  @Override
  public Optional<TopOfBook> topOfBook(final String connector, final TradingPair pair) {
    return Optional.empty();
  }

  @Override
  public RoutineChannels channels() {
    return channels;
  }
}
