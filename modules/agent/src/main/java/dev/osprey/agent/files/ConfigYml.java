package dev.osprey.agent.files;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standard's {@code config.yml}: the agent's current configs, a YAML map of names to values
 * (strings, {@code Long}, {@code BigDecimal}, booleans, lists, maps). It starts as agent.md's
 * {@code configs:} and changes when the user approves a suggestion; where it is present, its values
 * win over agent.md's.
 */
public final class ConfigYml {
  private ConfigYml() {}

  /**
   * The configs of a config.yml, in file order; empty for an empty file.
   *
   * @throws AgentFileException naming the line of a YAML error, or line 1 when the file is not a
   *     map
   */
  public static Map<String, Object> parse(final String text) {
    final YamlTree tree = Yaml.read(CtaPaths.CONFIG_YML, text, 1);
    final YamlMap configs = new YamlMap(CtaPaths.CONFIG_YML, tree, CtaPaths.CONFIG_YML);
    return new LinkedHashMap<>(configs.values());
  }

  /** The configs as config.yml text; {@link #parse} reads it back equal. */
  public static String render(final Map<String, ?> configs) {
    return Yaml.write(configs);
  }
}
