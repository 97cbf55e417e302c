package dev.osprey.domain.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.osprey.domain.EnumParser;
import dev.osprey.domain.ReferenceCoded;

/** Whether an order opens or closes a (perpetual) position; NIL for spot. */
public enum PositionAction implements ReferenceCoded {
  OPEN,
  CLOSE,
  NIL;

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static PositionAction parse(final Object value) {
    return EnumParser.parse(PositionAction.class, value, "position action");
  }
}
