package dev.osprey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.dca.DcaMode;
import dev.osprey.domain.executor.order.ExecutionStrategy;
import dev.osprey.domain.executor.twap.TwapMode;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The numeric codes are the declaration order ({@link ReferenceCoded}): these pin them to the
 * reference's values, so that reordering constants cannot go unnoticed.
 */
class ReferenceCodedTest {

  @Test
  void shouldParseTheReferenceCodesOfEveryCodedEnum() {
    assertCodes(CloseType::parse, "TIME_LIMIT", "STOP_LOSS", "TAKE_PROFIT", "EXPIRED",
        "EARLY_STOP", "TRAILING_STOP", "INSUFFICIENT_BALANCE", "FAILED", "COMPLETED",
        "POSITION_HOLD");
    assertCodes(Side::parse, "BUY", "SELL");
    assertCodes(OrderType::parse, "MARKET", "LIMIT", "LIMIT_MAKER");
    assertCodes(PositionAction::parse, "OPEN", "CLOSE", "NIL");
    assertCodes(ExecutionStrategy::parse, "LIMIT", "LIMIT_MAKER", "MARKET", "LIMIT_CHASER");
    assertCodes(DcaMode::parse, "MAKER", "TAKER");
    assertCodes(TwapMode::parse, "MAKER", "TAKER");
  }

  /** Code {@code i + 1} parses to {@code names[i]}, and back. */
  private static void assertCodes(final IntFunction<? extends ReferenceCoded> parse, final String... names) {
    final List<String> parsed = new ArrayList<>();
    for (int code = 1; code <= names.length; code++) {
      final ReferenceCoded e = parse.apply(code);
      assertEquals(code, e.code());
      parsed.add(e.toString());
    }
    assertEquals(List.of(names), parsed);
  }
}
