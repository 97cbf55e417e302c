package dev.osprey.domain.executor.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.osprey.domain.EnumParser;
import dev.osprey.domain.ReferenceCoded;

/** How an order executor works its order. Codes follow the reference enum's order. */
public enum ExecutionStrategy implements ReferenceCoded {
  LIMIT,
  LIMIT_MAKER,
  MARKET,
  LIMIT_CHASER;

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ExecutionStrategy parse(final Object value) {
    return EnumParser.parse(ExecutionStrategy.class, value, "execution_strategy");
  }
}
