package dev.osprey.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTurnTest {
  @Test
  void shouldKeepToolCallsAsWireJsonAndReadThemBack() {
    final List<ToolCall> calls = List.of(new ToolCall("call_1", "create_executor", "{\"executor_config\":{}}"),
        new ToolCall("call_2", "get_markets", "not json at all"));

    final ChatTurn turn = ChatTurn.assistant(null, calls);

    assertEquals("[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"create_executor\","
        + "\"arguments\":\"{\\\"executor_config\\\":{}}\"}},{\"id\":\"call_2\",\"type\":\"function\","
        + "\"function\":{\"name\":\"get_markets\",\"arguments\":\"not json at all\"}}]", turn.toolCalls());
    assertEquals(calls, turn.calls());
    assertNull(ChatTurn.assistant("done", List.of()).toolCalls());
  }

  @Test
  void shouldSurviveAJsonRoundTripAsAStoreWouldMakeIt() throws Exception {
    final ObjectMapper json = new ObjectMapper();
    final ChatTurn turn = ChatTurn.assistant("thinking", List.of(new ToolCall("c", "get_positions", "{}")));

    assertEquals(turn, json.readValue(json.writeValueAsString(turn), ChatTurn.class));
  }

  @Test
  void shouldRefuseUnknownRolesAndUnansweredToolTurns() {
    assertThrows(IllegalArgumentException.class, () -> new ChatTurn("developer", "x", null, null));
    assertThrows(IllegalArgumentException.class, () -> new ChatTurn(ChatTurn.TOOL, "x", null, null));
  }
}
