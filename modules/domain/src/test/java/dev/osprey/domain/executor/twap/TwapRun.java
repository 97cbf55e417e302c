package dev.osprey.domain.executor.twap;

import dev.osprey.domain.executor.EventText;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorRun;
import dev.osprey.domain.market.TradingRules;
import java.math.BigDecimal;
import java.util.List;

/** {@link ExecutorRun} of a {@link TwapExecutor}. */
final class TwapRun extends ExecutorRun<TwapExecutor, TwapRun, List<ExecutorEvent>> {
  /** The standard text, and a refused slice as {@code "order size rejected: <reason>"}. */
  private static final EventText TEXT = new EventText() {
    @Override
    protected String own(final ExecutorEvent e) {
      return e instanceof OrderSizeRejected r ? "order size rejected: " + r.reason() : null;
    }
  };

  TwapRun(final TwapExecutorConfig config) {
    super(() -> TwapExecutor.create(config), TwapConfigs.BTC_USDT, TwapConfigs.T0, facts -> facts);
  }

  TwapRun rules(final String minOrderSize, final String minNotional) {
    return rules(minOrderSize, minNotional, "0.01");
  }

  /** Rules with {@code priceIncrement} (the defaults use 0.01) and base increment 0.001. */
  TwapRun rules(final String minOrderSize, final String minNotional, final String priceIncrement) {
    return rules(new TradingRules(new BigDecimal(minOrderSize), new BigDecimal(minNotional),
        new BigDecimal(priceIncrement), new BigDecimal("0.001")));
  }

  static List<String> describe(final List<ExecutorEvent> events) {
    return TEXT.all(events);
  }
}
