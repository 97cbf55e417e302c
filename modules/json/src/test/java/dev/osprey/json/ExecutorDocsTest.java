package dev.osprey.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.executor.ExecutorTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutorDocsTest {
  @Test
  void shouldDocumentEveryFieldOfEveryExecutorType() {
    assertEquals(List.copyOf(ExecutorTypes.names()).stream().sorted().toList(),
        ExecutorSchemas.configClasses().keySet().stream().sorted().toList(), "every type has docs");
    for (String type : ExecutorTypes.names()) {
      final ExecutorSchemas.Schema s = ExecutorSchemas.of(type).orElseThrow();   // throws on a missing doc
      assertTrue(s.fields().size() > 3, type);
    }
  }

  @Test
  void shouldDescribeNestedTypesAndEnums() {
    final ExecutorSchemas.Schema s = ExecutorSchemas.of("position_executor").orElseThrow();
    final ExecutorSchemas.Field side = s.fields().stream().filter(f -> f.name().equals("side")).findFirst().orElseThrow();
    assertEquals("enum", side.type());
    assertEquals(List.of("BUY", "SELL"), side.enumValues());
    assertTrue(s.nestedTypes().containsKey("TripleBarrierConfig"));
    assertTrue(s.nestedTypes().containsKey("TrailingStop"));
    final ExecutorSchemas.Field sl = s.nestedTypes().get("TripleBarrierConfig").get(0);
    assertEquals("stop_loss", sl.name());
    assertEquals("decimal", sl.type());
  }
}
