package dev.osprey.domain.executor.dca;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import java.math.BigDecimal;
import java.util.List;

/**
 * When a DCA level may go out, judged on the mid (reference §2.4; all comparisons strict). A MAKER
 * level rests only when its price is near the market, so capital is not locked far away: a buy iff
 * {@code price > mid·(1−b0)}, a sell iff {@code price < mid·(1+b0)}, always without bounds. A TAKER
 * level is taken only while the mid is inside a window around its price, so a market order never
 * buys far from the level it stands for: a buy iff {@code price·(1−b0) < mid < price·(1+b1)}, a
 * sell iff {@code price·(1−b1) < mid < price·(1+b0)}.
 */
final class DcaActivation {
  private DcaActivation() {}

  /** Whether the check needs a mid at all (MAKER without bounds places blindly). */
  static boolean needsMid(final DcaExecutorConfig config) {
    return config.activationBounds() != null && !config.activationBounds().isEmpty();
  }

  static boolean allow(final DcaExecutorConfig config, final Price level, final Price mid) {
    final List<BigDecimal> bounds = config.activationBounds();
    if (bounds == null || bounds.isEmpty()) {
      return true;
    }
    final BigDecimal p = level.value();
    final BigDecimal m = mid.value();
    final BigDecimal b0 = bounds.get(0);
    final boolean buy = config.side() == Side.BUY;
    if (config.mode() == DcaMode.MAKER) {
      return buy
          ? p.compareTo(m.multiply(BigDecimal.ONE.subtract(b0))) > 0
          : p.compareTo(m.multiply(BigDecimal.ONE.add(b0))) < 0;
    }
    final BigDecimal b1 = bounds.get(1);
    final BigDecimal low = p.multiply(BigDecimal.ONE.subtract(buy ? b0 : b1));
    final BigDecimal high = p.multiply(BigDecimal.ONE.add(buy ? b1 : b0));
    return low.compareTo(m) < 0 && m.compareTo(high) < 0;
  }
}
