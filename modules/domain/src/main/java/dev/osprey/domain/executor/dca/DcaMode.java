package dev.osprey.domain.executor.dca;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.osprey.domain.EnumParser;
import dev.osprey.domain.ReferenceCoded;
import dev.osprey.domain.order.OrderType;

/**
 * How a DCA executor enters its levels. The reference's {@code DCAMode} is string-valued; the
 * numeric codes follow its declaration order so that numeric configs are accepted too.
 */
public enum DcaMode implements ReferenceCoded {
  /** Levels rest as LIMIT orders at their prices. */
  MAKER,
  /** Levels are taken at market once the mid is near their prices. */
  TAKER;

  /** LIMIT for MAKER, MARKET for TAKER. */
  public OrderType openOrderType() {
    return this == MAKER ? OrderType.LIMIT : OrderType.MARKET;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static DcaMode parse(final Object value) {
    return EnumParser.parse(DcaMode.class, value, "mode");
  }
}
