package dev.osprey.engine;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;

/** Config of a one-node test cluster on the in-memory journal. */
public final class TestNodeConfig {
  private TestNodeConfig() {}

  public static Config inMemory() {
    return PersistenceTestKitPlugin.getInstance().config()
        .withFallback(PersistenceTestKitSnapshotPlugin.getInstance().config())
        .withFallback(ConfigFactory.parseResources("engine-inmem-test.conf"))
        .withFallback(ConfigFactory.load())
        .resolve();
  }
}
