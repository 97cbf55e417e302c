package dev.osprey.engine.agent;

import dev.osprey.agent.market.Candle;
import dev.osprey.domain.market.TradingPair;
import java.util.List;

/** One-minute candles of a venue's mid prices, as this node has seen them. */
public interface MarketCandles {
  /** The last {@code limit} candles of {@code pair} on {@code venue}, oldest first (may be fewer). */
  List<Candle> oneMinute(String venue, TradingPair pair, int limit);
}
