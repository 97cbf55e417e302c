package dev.osprey.engine.risk;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * Snapshots written while the risk supervisor's state was the nested {@code
 * RiskSupervisorEntity$State} read as {@link SupervisorState}: same fields (the newer ones are
 * null in them and defaulted by its constructor, closed entries folded). Configured in
 * {@code serialization.conf} under the old class name.
 */
public final class SupervisorStateRename extends JacksonMigration {
  @Override
  public int currentVersion() {
    return 2;
  }

  @Override
  public String transformClassName(final int fromVersion, final String className) {
    return SupervisorState.class.getName();
  }

  @Override
  public JsonNode transform(final int fromVersion, final JsonNode json) {
    return json;
  }
}
