package dev.osprey.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.position.PositionMode;
import dev.osprey.engine.paper.PaperVenueSpec;
import dev.osprey.exchange.Contracts;
import dev.osprey.exchange.paper.MarketConfig;
import dev.osprey.exchange.paper.PaperPersistence;
import dev.osprey.exchange.paper.PaperState;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The paper venues {@code osprey.paper} describes, the same on every node of a cluster. */
final class PaperVenueSpecs {
  private PaperVenueSpecs() {}

  /**
   * Each venue of {@code osprey.paper.connectors}: its fees and rules, the balances it opens with,
   * whether it is perpetual, its random-walk feed when enabled (a seed of its own, counted up from
   * {@code random-walk.seed}), and the JSON state a node saved under {@code state-dir} before the
   * venues lived in the journal, which the venue takes over once if its journal is empty.
   *
   * @throws IllegalArgumentException on a bad setting, or a saved state that cannot be read
   *     (starting empty instead would lose the orders the executors are about to ask about)
   */
  static Map<String, PaperVenueSpec> fromConfig(final Config config) {
    final Config c = config.getConfig("osprey.paper");
    final Map<String, BigDecimal> balances = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigValue> e : c.getConfig("balances").entrySet()) {
      balances.put(e.getKey(), new BigDecimal(e.getValue().unwrapped().toString()));
    }
    final String stateDir = c.hasPath("state-dir") ? c.getString("state-dir").trim() : "";
    final Path home = Path.of(System.getProperty("osprey.home", "."));
    final Path dir =
        stateDir.isEmpty() ? null : home.resolve(stateDir).toAbsolutePath().normalize();
    final Optional<Walk> walk = Walk.fromConfig(c.getConfig("random-walk"));
    final Map<String, PaperVenueSpec> out = new LinkedHashMap<>();
    long seed = walk.map(Walk::seed).orElse(0L);
    for (String name : c.getStringList("connectors")) {
      final Config venue =
          c.hasPath("venues." + ConfigUtil.quoteString(name))
              ? c.getConfig("venues." + ConfigUtil.quoteString(name))
              : ConfigFactory.empty();
      final MarketConfig defaults =
          new MarketConfig(fee(venue, "maker-fee"), fee(venue, "taker-fee"), rules(venue));
      final long venueSeed = seed++;
      final Optional<PaperState> saved =
          dir == null ? Optional.empty() : PaperPersistence.storeIn(dir, name).load();
      out.put(
          name,
          new PaperVenueSpec(
              name,
              defaults,
              balances,
              contracts(name, venue),
              walk.map(w -> w.spec(venueSeed)),
              saved));
    }
    return out;
  }

  /** The random walk's settings; each venue gets its own seed. */
  private record Walk(
      Map<TradingPair, BigDecimal> start, java.time.Duration interval, long seed) {
    static Optional<Walk> fromConfig(final Config c) {
      if (!c.getBoolean("enabled")) {
        return Optional.empty();
      }
      final Map<TradingPair, BigDecimal> start = new LinkedHashMap<>();
      for (Map.Entry<String, ConfigValue> e : c.getConfig("pairs").entrySet()) {
        start.put(
            TradingPair.parse(e.getKey().replace("\"", "")),
            new BigDecimal(e.getValue().unwrapped().toString()));
      }
      return Optional.of(new Walk(start, c.getDuration("interval"), c.getLong("seed")));
    }

    PaperVenueSpec.RandomWalk spec(final long venueSeed) {
      return new PaperVenueSpec.RandomWalk(start, interval, venueSeed, 5, new BigDecimal("0.0002"));
    }
  }

  /**
   * A venue's default trading rules: {@code min-order-size}, {@code min-notional}, {@code
   * price-increment} and {@code base-increment} where set (a twin takes its real venue's, so an
   * order is sized as the venue would take it), {@link TradingRules#DEFAULT}'s otherwise.
   */
  private static TradingRules rules(final Config venue) {
    final TradingRules d = TradingRules.DEFAULT;
    return new TradingRules(
        decimal(venue, "min-order-size", d.minOrderSize()),
        decimal(venue, "min-notional", d.minNotional()),
        decimal(venue, "price-increment", d.priceIncrement()),
        decimal(venue, "base-increment", d.baseIncrement()));
  }

  private static BigDecimal decimal(
      final Config venue, final String key, final BigDecimal fallback) {
    return venue.hasPath(key) ? new BigDecimal(venue.getString(key)) : fallback;
  }

  /** A venue's default fee rate (a fraction; absent is 0). */
  private static BigDecimal fee(final Config venue, final String key) {
    return venue.hasPath(key) ? new BigDecimal(venue.getString(key)) : BigDecimal.ZERO;
  }

  /** {@code perpetual = true} makes a perpetual venue, netting {@code position-mode} (ONE_WAY). */
  private static Contracts contracts(final String name, final Config venue) {
    if (!venue.hasPath("perpetual") || !venue.getBoolean("perpetual")) {
      if (venue.hasPath("position-mode")) {
        throw new IllegalArgumentException(
            "osprey.paper.venues." + name + ".position-mode needs perpetual = true");
      }
      return Contracts.SPOT;
    }
    final String mode =
        venue.hasPath("position-mode") ? venue.getString("position-mode") : "ONE_WAY";
    try {
      return Contracts.perpetual(PositionMode.valueOf(mode));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "osprey.paper.venues." + name + ".position-mode must be ONE_WAY or HEDGE, got " + mode);
    }
  }
}
