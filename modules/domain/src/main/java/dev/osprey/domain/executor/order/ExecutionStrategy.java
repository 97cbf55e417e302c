package dev.osprey.domain.executor.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.osprey.domain.EnumParser;

/** How an order executor works its order. Codes follow the reference enum's order. */
public enum ExecutionStrategy {
  LIMIT(1),
  LIMIT_MAKER(2),
  MARKET(3),
  LIMIT_CHASER(4);

  private final int code;

  ExecutionStrategy(final int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ExecutionStrategy parse(final Object value) {
    return EnumParser.parse(ExecutionStrategy.class, value, ExecutionStrategy::code, "execution_strategy");
  }
}
