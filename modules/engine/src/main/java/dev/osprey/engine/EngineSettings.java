package dev.osprey.engine;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Engine knobs from {@code osprey.engine}.
 *
 * @param askTimeout how long one entity or the HTTP layer waits for another entity's answer
 * @param notifyRetryInterval how often an unacknowledged close notice or hand-over is re-sent
 * @param passivateTerminatedAfter how long a terminated executor stays in memory once quiet
 * @param riskMarkInterval how often a risk supervisor marks its running executors and held
 *     positions to market (loss limits and the kill switch act on the mark)
 * @param snapshotEvery an executor snapshots its state every this many events
 * @param keepSnapshots how many snapshots it keeps (older snapshots are deleted; events are kept)
 */
public record EngineSettings(
    Duration askTimeout,
    Duration notifyRetryInterval,
    Duration passivateTerminatedAfter,
    Duration riskMarkInterval,
    int snapshotEvery,
    int keepSnapshots) {
  public static EngineSettings fromConfig(final Config root) {
    final Config c = root.getConfig("osprey.engine");
    return new EngineSettings(
        c.getDuration("ask-timeout"),
        c.getDuration("notify-retry-interval"),
        c.getDuration("passivate-terminated-after"),
        c.getDuration("risk-mark-interval"),
        c.getInt("snapshot-every"),
        c.getInt("keep-snapshots"));
  }
}
