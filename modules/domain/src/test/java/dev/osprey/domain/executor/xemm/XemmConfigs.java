package dev.osprey.domain.executor.xemm;

import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER_B;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.T0;

import dev.osprey.domain.executor.arbitrage.CrossVenueConfigs;
import dev.osprey.domain.executor.arbitrage.CrossVenueRun;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Quantity;
import java.math.BigDecimal;

/**
 * Builds XEMM configs for tests: 0.5 BTC-USDT bought on "paper", sold on "paper_b"; profitability
 * min 0.001 / target 0.01 / max 0.02; maker fee 0.001, taker fee 0.002 (tx_pct 0.003).
 */
final class XemmConfigs extends CrossVenueConfigs<XemmConfigs, XemmExecutorConfig, XemmExecutor> {
  static final String ID = "xe-1";

  private Side makerSide = Side.BUY;

  private XemmConfigs() {
    super(XemmExecutor::create);
  }

  static XemmConfigs makerBuy() {
    return new XemmConfigs();
  }

  static XemmConfigs makerSell() {
    final XemmConfigs c = new XemmConfigs();
    c.makerSide = Side.SELL;
    return c;
  }

  /**
   * A run started with its taker venue quoted (bid 101.3 on paper_b for a maker BUY, ask 98.7 on
   * paper for a maker SELL): the maker order of 0.5 at 100 is placed.
   */
  CrossVenueRun<XemmExecutor> started() {
    final CrossVenueRun<XemmExecutor> run = run();
    if (makerSide == Side.BUY) {
      run.book(PAPER_B, "101.3", "101.4");
    } else {
      run.book(PAPER, "98.6", "98.7");
    }
    run.start();
    return run;
  }

  @Override
  public XemmExecutorConfig build() {
    return new XemmExecutorConfig(
        ID, "main", T0, PAPER, PAPER_B, makerSide, Quantity.of(amount), new BigDecimal("0.001"),
        new BigDecimal("0.01"), new BigDecimal("0.02"), decimal(firstFee), decimal(secondFee));
  }
}
