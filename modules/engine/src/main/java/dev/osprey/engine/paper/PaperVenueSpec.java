package dev.osprey.engine.paper;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.exchange.Contracts;
import dev.osprey.exchange.paper.MarketConfig;
import dev.osprey.exchange.paper.PaperState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One paper venue as the configuration describes it, the same on every node: the config its
 * markets get when first quoted, the balances it opens with, whether it is perpetual, and its
 * random-walk feed if it has one. Node-local, never sent.
 *
 * @param legacyState the state a node saved in its JSON file before venues lived in the journal:
 *     the venue opens from it instead of {@code balances}, once, if its journal is empty
 */
public record PaperVenueSpec(
    String name,
    MarketConfig defaults,
    Map<String, BigDecimal> balances,
    Contracts contracts,
    Optional<RandomWalk> walk,
    Optional<PaperState> legacyState) {

  /** Synthetic quotes: each {@code interval}, every pair moves at most {@code maxStepBps}. */
  public record RandomWalk(
      Map<TradingPair, BigDecimal> startPrices,
      Duration interval,
      long seed,
      int maxStepBps,
      BigDecimal spread) {
    public RandomWalk {
      startPrices = Map.copyOf(startPrices);
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(spread, "spread");
    }
  }

  public PaperVenueSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaults, "defaults");
    balances = Map.copyOf(balances);
    Objects.requireNonNull(contracts, "contracts");
    Objects.requireNonNull(walk, "walk");
    Objects.requireNonNull(legacyState, "legacyState");
  }

  /** A spot venue without a feed or legacy state (tests). */
  public static PaperVenueSpec of(
      final String name, final MarketConfig defaults, final Map<String, BigDecimal> balances) {
    return new PaperVenueSpec(
        name, defaults, balances, Contracts.SPOT, Optional.empty(), Optional.empty());
  }
}
