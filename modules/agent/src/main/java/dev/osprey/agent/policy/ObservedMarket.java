package dev.osprey.agent.policy;

import dev.osprey.agent.market.Candle;
import dev.osprey.domain.money.Price;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One market as the agent saw it: the top of book (absent when the venue has no quote yet) and the
 * latest one-minute candles of mid prices, oldest first.
 *
 * @param connector the connector as the agent names it (agent.md, configs)
 * @param venue the connector that trades it: the same, or its {@code _paper_trade} twin when this
 *     node has no credentials for the real venue
 */
public record ObservedMarket(
    String connector,
    String venue,
    String tradingPair,
    Optional<BigDecimal> bid,
    Optional<BigDecimal> ask,
    List<Candle> candles) {

  public ObservedMarket {
    candles = List.copyOf(candles);
  }

  /** The mid price, when both sides are quoted. */
  public Optional<BigDecimal> mid() {
    if (bid.isEmpty() || ask.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(bid.get().add(ask.get()).divide(BigDecimal.valueOf(2)));
  }

  Map<String, Object> toMap() {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("connector", connector);
    m.put("venue", venue);
    m.put("trading_pair", tradingPair);
    m.put("bid", bid.orElse(null));
    m.put("ask", ask.orElse(null));
    m.put("mid", mid().orElse(null));
    m.put("candles_1m", candles.stream().map(c -> {
      final Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("open_time", c.openTime().toString());
      cm.put("open", value(c.open()));
      cm.put("high", value(c.high()));
      cm.put("low", value(c.low()));
      cm.put("close", value(c.close()));
      return cm;
    }).toList());
    return m;
  }

  private static BigDecimal value(final Price p) {
    return p.value();
  }
}
