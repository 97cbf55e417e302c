package dev.osprey.domain.executor.dca;

import dev.osprey.domain.executor.SingleMarketConfigs;
import java.math.BigDecimal;
import java.util.List;

/**
 * Builds DCA configs for tests. The default is a MAKER BUY on "paper" BTC-USDT with two levels:
 * 100 quote at 100 (1 base) and 300 quote at 75 (4 base). Filled completely, the position is 5
 * base for 400 quote, an average of 80; the quote-weighted target price is 81.25.
 */
final class DcaConfigs extends SingleMarketConfigs<DcaConfigs, DcaExecutorConfig, DcaRun> {
  static final String ID = "dca-1";

  private List<BigDecimal> amounts = decimals("100", "300");
  private List<BigDecimal> prices = decimals("100", "75");
  private DcaMode mode;

  private DcaConfigs() {
    super(DcaRun::new);
  }

  static DcaConfigs maker() {
    return new DcaConfigs();
  }

  static DcaConfigs taker() {
    return new DcaConfigs().mode(DcaMode.TAKER);
  }

  DcaConfigs amounts(final String... quote) {
    amounts = decimals(quote);
    return this;
  }

  DcaConfigs prices(final String... values) {
    prices = decimals(values);
    return this;
  }

  DcaConfigs amountsList(final List<BigDecimal> values) {
    amounts = values;
    return this;
  }

  DcaConfigs pricesList(final List<BigDecimal> values) {
    prices = values;
    return this;
  }

  DcaConfigs mode(final DcaMode m) {
    mode = m;
    return this;
  }

  @Override
  public DcaExecutorConfig build() {
    return new DcaExecutorConfig(
        ID, "main", T0, connector, pair, side, leverage, amounts, prices, takeProfit, stopLoss,
        trailing, timeLimit, mode, bounds, "L0");
  }
}
