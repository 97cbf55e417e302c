package dev.osprey.agent.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigYmlTest {

  @Test
  void shouldReadConfigsWithExactNumbers() {
    final Map<String, Object> configs =
        ConfigYml.parse("trading_pair: SOL-USDC\ngrid_levels: 5\nspread_percentage: 0.30\n");

    final Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("trading_pair", "SOL-USDC");
    expected.put("grid_levels", 5L);
    expected.put("spread_percentage", new BigDecimal("0.30"));
    assertEquals(expected, configs);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(configs.keySet()));
  }

  @Test
  void shouldReadBackWhatItRenders() {
    final Map<String, Object> configs = new LinkedHashMap<>();
    configs.put("trading_pair", "SOL-USDC");
    configs.put("spread_percentage", new BigDecimal("0.3"));
    configs.put("big", new BigDecimal("12E+2"));
    configs.put("levels", List.of(1L, 2L));
    configs.put("hex_looking", "0x1F");
    configs.put("off", null);
    configs.put("nested", Map.of("on", Boolean.FALSE));

    assertEquals("""
        trading_pair: "SOL-USDC"
        spread_percentage: 0.3
        big: 12E2
        levels:
          - 1
          - 2
        hex_looking: "0x1F"
        "off": null
        nested:
          "on": false
        """, ConfigYml.render(configs));
    assertEquals(configs, ConfigYml.parse(ConfigYml.render(configs)));
  }

  @Test
  void shouldReadAnEmptyFileAsNoConfigs() {
    assertEquals(Map.of(), ConfigYml.parse(""));
    assertEquals(Map.of(), ConfigYml.parse("# nothing yet\n"));
    assertEquals(Map.of(), ConfigYml.parse(ConfigYml.render(Map.of())));
  }

  @Test
  void shouldNameTheLineOfAProblem() {
    final AgentFileException syntax = assertThrows(AgentFileException.class,
        () -> ConfigYml.parse("a: 1\nb: [1, 2\n"));
    assertEquals("config.yml:2: invalid YAML: while parsing a flow sequence: "
        + "expected ',' or ']', but got <stream end>", syntax.getMessage());

    final AgentFileException notAMap =
        assertThrows(AgentFileException.class, () -> ConfigYml.parse("- a\n- b\n"));
    assertEquals("config.yml:1: config.yml must be a YAML map of names to values",
        notAMap.getMessage());
  }
}
