package dev.osprey.domain.executor.xemm;

import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER_B;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.T0;

import dev.osprey.domain.executor.arbitrage.CrossVenueRun;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Quantity;
import java.math.BigDecimal;

/**
 * Builds XEMM configs for tests: 0.5 BTC-USDT bought on "paper", sold on "paper_b"; profitability
 * min 0.001 / target 0.01 / max 0.02; maker fee 0.001, taker fee 0.002 (tx_pct 0.003).
 */
final class XemmConfigs {
  static final String ID = "xe-1";

  private Side makerSide = Side.BUY;
  private String amount = "0.5";
  private String min = "0.001";
  private String target = "0.01";
  private String max = "0.02";
  private String makerFee = "0.001";
  private String takerFee = "0.002";

  static XemmConfigs makerBuy() {
    return new XemmConfigs();
  }

  static XemmConfigs makerSell() {
    final XemmConfigs c = new XemmConfigs();
    c.makerSide = Side.SELL;
    return c;
  }

  XemmConfigs amount(final String base) {
    amount = base;
    return this;
  }

  XemmConfigs profitability(final String minimum, final String targeted, final String maximum) {
    min = minimum;
    target = targeted;
    max = maximum;
    return this;
  }

  XemmConfigs fees(final String maker, final String taker) {
    makerFee = maker;
    takerFee = taker;
    return this;
  }

  XemmExecutorConfig build() {
    return new XemmExecutorConfig(
        ID, "main", T0, PAPER, PAPER_B, makerSide, Quantity.of(amount), new BigDecimal(min),
        new BigDecimal(target), new BigDecimal(max),
        makerFee == null ? null : new BigDecimal(makerFee),
        takerFee == null ? null : new BigDecimal(takerFee));
  }

  CrossVenueRun<XemmExecutor> run() {
    final XemmExecutorConfig config = build();
    return new CrossVenueRun<>(() -> XemmExecutor.create(config));
  }
}
