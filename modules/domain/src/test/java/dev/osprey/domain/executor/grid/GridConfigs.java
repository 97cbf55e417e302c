package dev.osprey.domain.executor.grid;

import dev.osprey.domain.executor.SingleMarketConfigs;
import dev.osprey.domain.executor.position.TripleBarrierConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;

/**
 * Builds grid configs for tests. The default is a BUY grid on "paper" BTC-USDT from 80 to 100
 * (limit 75) with 90.5 quote, 5 % minimum spread and 2 % take profit per level: laid out at mid
 * 90.5 it has five levels 80, 85, 90, 95, 100 of 18.1 quote (0.2 base at 90.5) each.
 */
final class GridConfigs extends SingleMarketConfigs<GridConfigs, GridExecutorConfig, GridRun> {
  static final String ID = "gx-1";

  private String start = "80";
  private String end = "100";
  private String limit = "75";
  private String total = "90.5";
  private String minSpread = "0.05";
  private String minOrderQuote = "5";
  private Integer maxOpen;
  private Integer batch;
  private Long frequency;
  private boolean keepPosition;
  private boolean coerce;

  private GridConfigs() {
    super(GridRun::new);
    takeProfit("0.02");
  }

  static GridConfigs buy() {
    return new GridConfigs();
  }

  /**
   * A SELL grid from 100 to 120 (limit 125) with 109.5 quote and 4 % minimum spread: at mid 109.5
   * five levels 100, 105, 110, 115, 120 of 21.9 quote (0.2 base) each.
   */
  static GridConfigs sell() {
    final GridConfigs c = new GridConfigs();
    c.side = Side.SELL;
    c.start = "100";
    c.end = "120";
    c.limit = "125";
    c.total = "109.5";
    c.minSpread = "0.04";
    return c;
  }

  GridConfigs range(final String startPrice, final String endPrice) {
    start = startPrice;
    end = endPrice;
    return this;
  }

  GridConfigs limit(final String price) {
    limit = price;
    return this;
  }

  GridConfigs total(final String quote) {
    total = quote;
    return this;
  }

  GridConfigs minSpread(final String fraction) {
    minSpread = fraction;
    return this;
  }

  GridConfigs minOrderQuote(final String quote) {
    minOrderQuote = quote;
    return this;
  }

  GridConfigs maxOpen(final int n) {
    maxOpen = n;
    return this;
  }

  GridConfigs batch(final int n) {
    batch = n;
    return this;
  }

  GridConfigs frequency(final long seconds) {
    frequency = seconds;
    return this;
  }

  GridConfigs keepPosition() {
    keepPosition = true;
    return this;
  }

  GridConfigs coerceTpToStep() {
    coerce = true;
    return this;
  }

  /** Through the JSON creator, so absent order types get the grid's defaults. */
  @Override
  public GridExecutorConfig build() {
    return GridExecutorConfig.fromJson(
        ID, "main", T0, connector, pair, Price.of(start), Price.of(end),
        limit == null ? null : Price.of(limit), side, QuoteAmount.of(total),
        new BigDecimal(minSpread), QuoteAmount.of(minOrderQuote), maxOpen, batch, frequency,
        bound(), null, new GridExecutorConfig.BarrierInput(
            stopLoss, takeProfit, timeLimit, trailing, openType, takeProfitType, null, null),
        leverage, "grid-1", null, keepPosition, coerce);
  }

  /** A grid takes a single activation bound. */
  private BigDecimal bound() {
    return bounds == null ? null : bounds.get(0);
  }

  TripleBarrierConfig barriers() {
    return build().tripleBarrierConfig();
  }
}
