package dev.osprey.agent.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.osprey.agent.AgentDefinition;
import dev.osprey.agent.files.AgentFileException;
import dev.osprey.agent.files.AgentTree;
import dev.osprey.agent.files.ImportedAgent;
import dev.osprey.agent.files.LoomToml;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The spec's loom.toml (shipped as examples/executor-agent), and its folder imported as the Loom executor agent. */
class LoomTomlTest {
  static Path folder() throws URISyntaxException {
    return Path.of(LoomTomlTest.class.getResource("/examples/executor-agent/loom.toml").toURI()).getParent();
  }

  @Test
  void shouldReadTheSpecsConfigurationAsWritten() throws Exception {
    final AgentTree tree = AgentTree.readDirectory(folder());
    assertEquals("executor-agent", tree.slug());
    final ImportedAgent imported = tree.importAgent(Set.of());
    final AgentDefinition d = imported.inForce();
    assertEquals(LoomExecutorPolicy.NAME, d.policy());
    assertEquals(List.of("okx"), d.connectors());
    assertEquals(List.of("plan.ready"), d.configs().get("topics"));
    assertEquals(false, d.configs().get("enable_trading"));
    assertEquals(new BigDecimal("0.001"), d.configs().get("min_order_size"));
    assertEquals(new BigDecimal("0.01"), d.configs().get("max_order_size"));
  }

  @Test
  void shouldNameTheFileAndTheRuleOfAProblem() {
    final AgentFileException notToml = assertThrows(AgentFileException.class,
        () -> LoomToml.parse("[agents.executor-agent]\nenable_trading = yes\n"));
    assertEquals("loom.toml", notToml.file());
    assertEquals(2, notToml.line());
    assertEquals("loom.toml:0: [agents.executor-agent] max_order_size: must not be below min_order_size 0.01",
        assertThrows(AgentFileException.class, () -> LoomToml.parse(
            "[agents.executor-agent]\nmin_order_size = 0.01\nmax_order_size = 0.001\n")).getMessage());
    assertEquals("loom.toml:0: [agents.executor-agent] size: unknown key (known: enable_trading, max_order_size, "
            + "min_order_size, topics)",
        assertThrows(AgentFileException.class, () -> LoomToml.parse("[agents.executor-agent]\nsize = 1\n"))
            .getMessage());
    assertEquals("loom.toml:0: has no [agents.executor-agent] table",
        assertThrows(AgentFileException.class, () -> LoomToml.parse("[agents.planner]\ntopics = []\n")).getMessage());
  }
}
