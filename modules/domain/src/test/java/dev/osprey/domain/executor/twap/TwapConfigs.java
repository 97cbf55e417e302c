package dev.osprey.domain.executor.twap;

import dev.osprey.domain.executor.SingleMarketConfigs;

/**
 * Builds TWAP configs for tests. The default is a TAKER BUY of 100 quote on "paper" BTC-USDT over
 * 40 s at 10 s intervals: five slices of 20 quote, due at 0, 10, 20, 30 and 40 s.
 */
final class TwapConfigs extends SingleMarketConfigs<TwapConfigs, TwapExecutorConfig, TwapRun> {
  static final String ID = "twap-1";

  private String total = "100";
  private Long duration = 40L;
  private Long interval = 10L;
  private TwapMode mode;
  private String buffer;
  private Long resubmission;

  private TwapConfigs() {
    super(TwapRun::new);
  }

  static TwapConfigs taker() {
    return new TwapConfigs();
  }

  /** MAKER slices 1 % behind the mid, renewed after 5 s. */
  static TwapConfigs maker() {
    return new TwapConfigs().mode(TwapMode.MAKER).buffer("0.01").resubmission(5L);
  }

  TwapConfigs total(final String quote) {
    total = quote;
    return this;
  }

  TwapConfigs duration(final Long seconds) {
    duration = seconds;
    return this;
  }

  TwapConfigs interval(final Long seconds) {
    interval = seconds;
    return this;
  }

  TwapConfigs mode(final TwapMode m) {
    mode = m;
    return this;
  }

  TwapConfigs buffer(final String fraction) {
    buffer = fraction;
    return this;
  }

  TwapConfigs resubmission(final Long seconds) {
    resubmission = seconds;
    return this;
  }

  /** A run of this config started at mid 10 (book 9.99 / 10.01), its first slice ordered. */
  TwapRun started() {
    final TwapRun run = run();
    run.book("9.99", "10.01").start();
    return run;
  }

  @Override
  public TwapExecutorConfig build() {
    return new TwapExecutorConfig(
        ID, "main", T0, connector, pair, side, leverage, decimal(total), duration, interval,
        mode, decimal(buffer), resubmission);
  }
}
