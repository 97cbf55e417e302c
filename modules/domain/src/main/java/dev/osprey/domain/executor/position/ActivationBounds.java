package dev.osprey.domain.executor.position;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.order.OrderType;
import java.math.BigDecimal;
import java.util.List;

/**
 * The reference's activation bounds: an open order only rests while its price is near the mid, so
 * that capital is not locked in orders the market is far from. Bounds are fractions of price.
 */
final class ActivationBounds {
  private ActivationBounds() {}

  /**
   * Whether an order at {@code price} may be placed (or stay) now. Limit types: a buy iff {@code
   * price >= mid·(1−b0)}, a sell iff {@code price <= mid·(1+b0)}. Market: a buy iff {@code
   * price·(1−b0) <= mid <= price·(1+b1)}, a sell iff {@code
   * price·(1−b1) <= mid <= price·(1+b0)}. No bounds: always.
   */
  static boolean allow(
      final List<BigDecimal> bounds,
      final Price price,
      final Side side,
      final OrderType type,
      final TopOfBook book) {
    if (bounds == null || bounds.isEmpty()) {
      return true;
    }
    final BigDecimal mid = book.mid().value();
    final BigDecimal p = price.value();
    final BigDecimal b0 = bounds.get(0);
    if (type.isLimit()) {
      return side == Side.BUY
          ? p.compareTo(mid.multiply(BigDecimal.ONE.subtract(b0))) >= 0
          : p.compareTo(mid.multiply(BigDecimal.ONE.add(b0))) <= 0;
    }
    final BigDecimal b1 = bounds.size() > 1 ? bounds.get(1) : b0;
    final BigDecimal below = side == Side.BUY ? b0 : b1;
    final BigDecimal above = side == Side.BUY ? b1 : b0;
    final BigDecimal low = p.multiply(BigDecimal.ONE.subtract(below));
    final BigDecimal high = p.multiply(BigDecimal.ONE.add(above));
    return mid.compareTo(low) >= 0 && mid.compareTo(high) <= 0;
  }
}
