package dev.osprey.domain.executor.twap;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.osprey.domain.EnumParser;
import dev.osprey.domain.ReferenceCoded;
import dev.osprey.domain.order.OrderType;

/**
 * How a TWAP executor sends its slices. The reference's {@code TWAPMode} is string-valued; the
 * numeric codes follow its declaration order so that numeric configs are accepted too.
 */
public enum TwapMode implements ReferenceCoded {
  /** Each slice rests as a LIMIT order a buffer behind the mid (reference: beta). */
  MAKER,
  /** Each slice is a MARKET order. */
  TAKER;

  public OrderType orderType() {
    return this == MAKER ? OrderType.LIMIT : OrderType.MARKET;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TwapMode parse(final Object value) {
    return EnumParser.parse(TwapMode.class, value, "mode");
  }
}
