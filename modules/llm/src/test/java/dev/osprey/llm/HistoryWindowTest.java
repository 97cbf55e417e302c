package dev.osprey.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryWindowTest {
  private static final ToolCall CALL = new ToolCall("call_1", "get_markets", "{}");
  private static final List<ChatTurn> TWO_TICKS = List.of(
      ChatTurn.user("tick 1"), ChatTurn.assistant(null, List.of(CALL)), ChatTurn.tool("call_1", "{}"),
      ChatTurn.assistant("holding", List.of()),
      ChatTurn.user("tick 2"), ChatTurn.assistant("still holding", List.of()));

  @Test
  void shouldKeepEverythingWithinTheBound() {
    assertEquals(TWO_TICKS, HistoryWindow.last(TWO_TICKS, 40));
  }

  @Test
  void shouldStartAtAUserTurnSoNoToolResultIsOrphaned() {
    // The last 5 turns would start at the tool result of tick 1.
    assertEquals(TWO_TICKS.subList(4, 6), HistoryWindow.last(TWO_TICKS, 5));
  }

  @Test
  void shouldKeepNothingWhenNoUserTurnFits() {
    assertEquals(List.of(), HistoryWindow.last(TWO_TICKS.subList(0, 4), 3));
    assertEquals(List.of(), HistoryWindow.last(TWO_TICKS, 0));
  }
}
