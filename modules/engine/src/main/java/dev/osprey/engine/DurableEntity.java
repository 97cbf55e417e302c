package dev.osprey.engine;

import java.time.Duration;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * What every Osprey entity shares: it is persisted under {@code <entity type>|<entity id>}, and it
 * restarts with backoff (200 ms to 5 s, 10 % jitter) when the journal fails, so that a journal
 * outage delays it instead of stopping it for good.
 *
 * @param <C> its commands
 * @param <E> its events
 * @param <S> its state
 */
public abstract class DurableEntity<C, E, S> extends EventSourcedBehaviorWithEnforcedReplies<C, E, S> {
  /** Snapshots of small, busy entities: one every 100 events, the last 2 kept. */
  protected static final RetentionCriteria EVERY_100_KEEP_2 = RetentionCriteria.snapshotEvery(100, 2);

  private final RetentionCriteria retention;

  /** An entity recovered from its events alone (no snapshots). */
  protected DurableEntity(final EntityTypeKey<?> type, final String entityId) {
    this(type, entityId, RetentionCriteria.disabled());
  }

  /** An entity that snapshots its state as {@code retention} says. */
  protected DurableEntity(final EntityTypeKey<?> type, final String entityId, final RetentionCriteria retention) {
    super(
        PersistenceId.of(type.name(), entityId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.retention = retention;
  }

  @Override
  public final RetentionCriteria retentionCriteria() {
    return retention;
  }
}
