package dev.osprey.api.paper;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** What the HTTP layer may do to the paper venues: set quotes, market settings and balances. */
public interface PaperGateway {
  /** The paper connectors' names. */
  java.util.Set<String> connectors();

  /** Sets the top of book (sizes optional); fills resting orders it crosses. */
  CompletionStage<Void> setQuote(
      String connector, TradingPair pair, Price bid, Price ask, Quantity bidSize, Quantity askSize);

  /** Lists (or re-lists) a market with its fees and trading rules. */
  CompletionStage<Void> configureMarket(
      String connector, TradingPair pair, BigDecimal makerFee, BigDecimal takerFee, TradingRules rules);

  /** The market's settings and current quote, if listed. */
  CompletionStage<Optional<Map<String, Object>>> market(String connector, TradingPair pair);

  /** Sets the listed assets' balances. */
  CompletionStage<Void> setBalances(String connector, Map<String, BigDecimal> balances);

  CompletionStage<Map<String, BigDecimal>> balances(String connector);
}
