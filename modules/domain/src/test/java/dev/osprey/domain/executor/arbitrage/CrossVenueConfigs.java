package dev.osprey.domain.executor.arbitrage;

import dev.osprey.domain.executor.ConfigBuilder;
import java.util.function.Function;

/**
 * What the test config builders of the cross-venue executors (arbitrage, XEMM) set alike: 0.5
 * base, and the fee rates of the two legs (0.001 and 0.002). Each builder adds its profitability
 * bounds and builds its own config.
 *
 * @param <B> the concrete builder
 * @param <C> the config it builds
 * @param <E> the executor of that config
 */
public abstract class CrossVenueConfigs<
        B extends CrossVenueConfigs<B, C, E>, C extends CrossVenueConfig, E extends CrossVenueExecutor<C, E>>
    extends ConfigBuilder<B, C, CrossVenueRun<E>> {
  protected String amount = "0.5";
  /** Fee rate of the leg the config names first: buying (arbitrage) or maker (XEMM). */
  protected String firstFee = "0.001";
  /** Fee rate of the leg the config names second: selling (arbitrage) or taker (XEMM). */
  protected String secondFee = "0.002";

  /** @param create the executor of a built config, validated */
  protected CrossVenueConfigs(final Function<C, E> create) {
    super(config -> new CrossVenueRun<>(() -> create.apply(config)));
  }

  /** The two legs' fee rates, in the order the config names them; null leaves one absent. */
  public B fees(final String first, final String second) {
    firstFee = first;
    secondFee = second;
    return self();
  }

  /** The base amount bought and sold. */
  public B amount(final String base) {
    amount = base;
    return self();
  }
}
