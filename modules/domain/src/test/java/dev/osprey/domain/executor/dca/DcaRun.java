package dev.osprey.domain.executor.dca;

import dev.osprey.domain.executor.EventText;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorRun;
import dev.osprey.domain.market.TradingRules;
import java.math.BigDecimal;
import java.util.List;

/** {@link ExecutorRun} of a {@link DcaExecutor}. */
final class DcaRun extends ExecutorRun<DcaExecutor, DcaRun, List<ExecutorEvent>> {
  /** The standard text, and a refused level as {@code "level 0 rejected: <reason>"}. */
  private static final EventText TEXT = new EventText() {
    @Override
    protected String own(final ExecutorEvent e) {
      return e instanceof LevelRejected r ? "level " + r.level() + " rejected: " + r.reason() : null;
    }
  };

  DcaRun(final DcaExecutorConfig config) {
    super(() -> DcaExecutor.create(config), DcaConfigs.BTC_USDT, DcaConfigs.T0, facts -> facts);
  }

  DcaRun rules(final String minOrderSize, final String minNotional) {
    return rules(new TradingRules(new BigDecimal(minOrderSize), new BigDecimal(minNotional),
        new BigDecimal("0.01"), new BigDecimal("0.001")));
  }

  static List<String> describe(final List<ExecutorEvent> events) {
    return TEXT.all(events);
  }
}
