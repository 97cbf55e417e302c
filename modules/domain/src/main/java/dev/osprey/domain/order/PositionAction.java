package dev.osprey.domain.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.osprey.domain.EnumParser;

/** Whether an order opens or closes a (perpetual) position; NIL for spot. */
public enum PositionAction {
  OPEN(1),
  CLOSE(2),
  NIL(3);

  private final int code;

  PositionAction(final int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static PositionAction parse(final Object value) {
    return EnumParser.parse(PositionAction.class, value, PositionAction::code, "position action");
  }
}
