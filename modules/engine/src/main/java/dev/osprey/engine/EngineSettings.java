package dev.osprey.engine;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Engine knobs from {@code osprey.engine}.
 *
 * @param askTimeout how long one entity or the HTTP layer waits for another entity's answer
 * @param notifyRetryInterval how often an unacknowledged close notice or hand-over is re-sent
 * @param passivateTerminatedAfter how long a terminated executor stays in memory once quiet
 * @param snapshotEvery an executor snapshots its state every this many events
 * @param keepSnapshots how many snapshots it keeps (older ones and their events are deleted)
 */
public record EngineSettings(
    Duration askTimeout,
    Duration notifyRetryInterval,
    Duration passivateTerminatedAfter,
    int snapshotEvery,
    int keepSnapshots) {
  public static EngineSettings fromConfig(final Config root) {
    final Config c = root.getConfig("osprey.engine");
    return new EngineSettings(
        c.getDuration("ask-timeout"),
        c.getDuration("notify-retry-interval"),
        c.getDuration("passivate-terminated-after"),
        c.getInt("snapshot-every"),
        c.getInt("keep-snapshots"));
  }
}
