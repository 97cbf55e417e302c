package dev.osprey.domain.executor.dca;

import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorRun;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.order.ClientOrderId;
import java.math.BigDecimal;
import java.util.List;

/** {@link ExecutorRun} of a {@link DcaExecutor}. */
final class DcaRun extends ExecutorRun<DcaExecutor, DcaRun> {

  DcaRun(final DcaExecutorConfig config) {
    super(() -> DcaExecutor.create(config), DcaConfigs.ID, DcaConfigs.BTC_USDT, DcaConfigs.T0);
  }

  @Override
  protected DcaRun self() {
    return this;
  }

  DcaRun rules(final String minOrderSize, final String minNotional) {
    return rules(new TradingRules(new BigDecimal(minOrderSize), new BigDecimal(minNotional),
        new BigDecimal("0.01"), new BigDecimal("0.001")));
  }

  static ClientOrderId id(final int seq) {
    return ClientOrderId.forExecutor(DcaConfigs.ID, seq);
  }

  static List<String> describe(final List<ExecutorEvent> events) {
    return describeAll(events, DcaRun::own);
  }

  static String describe(final ExecutorEvent e) {
    return describeOne(e, DcaRun::own);
  }

  private static String own(final ExecutorEvent e) {
    return e instanceof LevelRejected r ? "level " + r.level() + " rejected: " + r.reason() : null;
  }
}
