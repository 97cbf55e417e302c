package dev.osprey.domain.executor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The base of the test config builders: chained setters, the config as set so far, and a test run
 * of it.
 *
 * @param <B> the concrete builder, so that setters chain
 * @param <C> the config it builds
 * @param <R> the test run of that config
 */
public abstract class ConfigBuilder<B extends ConfigBuilder<B, C, R>, C extends ExecutorConfig, R> {
  private final Function<C, R> runOf;

  /** @param runOf the run of a built config */
  protected ConfigBuilder(final Function<C, R> runOf) {
    this.runOf = runOf;
  }

  /** The config as set so far. */
  public abstract C build();

  /** A test run of {@link #build()}. */
  public R run() {
    return runOf.apply(build());
  }

  /** {@code text} as a decimal; null stays null (an absent field). */
  public static BigDecimal decimal(final String text) {
    return text == null ? null : new BigDecimal(text);
  }

  /** Each of {@code texts} as a decimal, nulls kept in place. */
  public static List<BigDecimal> decimals(final String... texts) {
    final List<BigDecimal> out = new ArrayList<>();
    for (String t : texts) {
      out.add(decimal(t));
    }
    return out;
  }

  /** This builder, for a setter to return. */
  @SuppressWarnings("unchecked")
  protected final B self() {
    return (B) this;
  }
}
