package dev.osprey.domain.market;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * hummingbot's naming convention for paper trading: {@code <venue>_paper_trade} (e.g. {@code
 * binance_paper_trade}) is a paper venue standing for the real venue {@code <venue>}, with that
 * venue's fees. A config naming a real venue that this node has no connector for (no credentials)
 * runs on the venue's paper twin, so that the standard's examples run before any key exists.
 */
public final class PaperTrade {
  public static final String SUFFIX = "_paper_trade";

  private PaperTrade() {}

  /**
   * The connector that trades for configs naming {@code name}: {@code name} itself when it is
   * configured, else its paper twin when that is configured, else {@code name} unchanged (for
   * validation to refuse as unknown).
   *
   * @param configured whether this node has a connector of a given name
   */
  public static String resolve(final String name, final Predicate<String> configured) {
    if (name == null || configured.test(name) || name.endsWith(SUFFIX)) {
      return name;
    }
    final String twin = name + SUFFIX;
    return configured.test(twin) ? twin : name;
  }

  /** The real venue {@code connector} stands for, when it is a paper twin. */
  public static Optional<String> realVenueOf(final String connector) {
    if (connector == null || !connector.endsWith(SUFFIX) || connector.length() == SUFFIX.length()) {
      return Optional.empty();
    }
    return Optional.of(connector.substring(0, connector.length() - SUFFIX.length()));
  }
}
