package dev.osprey.domain.executor.twap;

import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorRun;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.order.ClientOrderId;
import java.math.BigDecimal;
import java.util.List;

/** {@link ExecutorRun} of a {@link TwapExecutor}. */
final class TwapRun extends ExecutorRun<TwapExecutor, TwapRun> {

  TwapRun(final TwapExecutorConfig config) {
    super(() -> TwapExecutor.create(config), TwapConfigs.ID, TwapConfigs.BTC_USDT, TwapConfigs.T0);
  }

  @Override
  protected TwapRun self() {
    return this;
  }

  TwapRun rules(final String minOrderSize, final String minNotional) {
    return rules(minOrderSize, minNotional, "0.01");
  }

  /** Rules with {@code priceIncrement} (the defaults use 0.01) and base increment 0.001. */
  TwapRun rules(final String minOrderSize, final String minNotional, final String priceIncrement) {
    return rules(new TradingRules(new BigDecimal(minOrderSize), new BigDecimal(minNotional),
        new BigDecimal(priceIncrement), new BigDecimal("0.001")));
  }

  static ClientOrderId id(final int seq) {
    return ClientOrderId.forExecutor(TwapConfigs.ID, seq);
  }

  static List<String> describe(final List<ExecutorEvent> events) {
    return describeAll(events, TwapRun::own);
  }

  static String describe(final ExecutorEvent e) {
    return describeOne(e, TwapRun::own);
  }

  private static String own(final ExecutorEvent e) {
    return e instanceof OrderSizeRejected r ? "order size rejected: " + r.reason() : null;
  }
}
