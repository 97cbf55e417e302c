package dev.osprey.domain.executor.dca;

import dev.osprey.domain.executor.SingleMarketConfigs;
import dev.osprey.domain.market.TradingPair;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Builds DCA configs for tests. The default is a MAKER BUY on "paper" BTC-USDT with two levels:
 * 100 quote at 100 (1 base) and 300 quote at 75 (4 base). Filled completely, the position is 5
 * base for 400 quote, an average of 80; the quote-weighted target price is 81.25.
 */
final class DcaConfigs extends SingleMarketConfigs<DcaConfigs, DcaExecutorConfig, DcaRun> {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final TradingPair BTC_USDT = TradingPair.parse("BTC-USDT");
  static final String ID = "dca-1";

  private List<BigDecimal> amounts = decimals("100", "300");
  private List<BigDecimal> prices = decimals("100", "75");
  private DcaMode mode;
  private List<BigDecimal> bounds;
  private String connector = "paper";
  private TradingPair pair = BTC_USDT;

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

  DcaConfigs bounds(final String... fractions) {
    bounds = decimals(fractions);
    return this;
  }

  DcaConfigs connector(final String name) {
    connector = name;
    return this;
  }

  DcaConfigs pair(final TradingPair p) {
    pair = p;
    return this;
  }

  @Override
  public DcaExecutorConfig build() {
    return new DcaExecutorConfig(
        ID, "main", T0, connector, pair, side, leverage, amounts, prices, takeProfit, stopLoss,
        trailing, timeLimit, mode, bounds, "L0");
  }
}
