package dev.osprey.engine.executor;

import dev.osprey.domain.executor.Executor;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.engine.executor.ExecutorEntity.NoticeAcknowledged;
import dev.osprey.engine.executor.ExecutorEntity.NoticeFailed;
import dev.osprey.engine.executor.ExecutorEntity.RetryNotices;
import dev.osprey.engine.executor.ExecutorEntity.State;
import dev.osprey.engine.position.PositionBookEntity;
import dev.osprey.engine.risk.RiskProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.pattern.StatusReply;

/**
 * The notices a terminated executor owes: its close to the risk supervisor, and what it holds to
 * the position book. Delivered at least once: re-sent on a timer until each receiver acknowledged
 * (an acknowledgement is persisted by the entity as {@code NoticeDelivered}, so this survives
 * restarts); both receivers are idempotent.
 */
final class CloseNotices {
  /** The risk supervisor's notice. */
  static final String RISK = "risk";
  /** The position book's hand-over. */
  static final String POSITIONS = "positions";

  private final EntityContext entity;

  CloseNotices(final EntityContext entity) {
    this.entity = entity;
  }

  /** The receivers still owed a notice: none until the executor terminated. */
  static List<String> pending(final State s) {
    if (!s.exists() || !s.executor().isTerminated()) {
      return List.of();
    }
    final List<String> out = new ArrayList<>(2);
    if (!s.delivered().contains(RISK)) {
      out.add(RISK);
    }
    if (!s.executor().heldOrders().isEmpty() && !s.delivered().contains(POSITIONS)) {
      out.add(POSITIONS);
    }
    return out;
  }

  /** Sends every pending notice, and keeps re-sending until none is pending. */
  void send(final State s) {
    final List<String> pending = pending(s);
    if (pending.isEmpty()) {
      return;
    }
    entity.timers().startTimerWithFixedDelay("notices", new RetryNotices(), entity.engine().settings().notifyRetryInterval());
    final Executor ex = s.executor();
    final ExecutorReport report = ex.report(entity.venues().marketView(ex.config()), entity.engine().clock().instant());
    final String controllerId = ex.config().controllerId();
    final ClusterSharding sharding = ClusterSharding.get(entity.ctx().getSystem());
    final Duration timeout = entity.engine().settings().askTimeout();
    if (pending.contains(RISK)) {
      final var ref = sharding.entityRefFor(RiskProtocol.ENTITY_KEY, controllerId);
      entity.ctx().askWithStatus(Done.class, ref,
          timeout,
          (ActorRef<StatusReply<Done>> replyTo) -> new RiskProtocol.ExecutorClosed(
              entity.executorId(), report.closeType(), report.netPnlQuote(), report.closeTimestamp(), replyTo),
          (done, err) -> err == null ? new NoticeAcknowledged(RISK) : new NoticeFailed(RISK, err.getMessage()));
    }
    if (pending.contains(POSITIONS)) {
      final List<HeldOrder> held = ex.heldOrders();
      final var ref = sharding.entityRefFor(PositionBookEntity.ENTITY_KEY, controllerId);
      entity.ctx().askWithStatus(Done.class, ref,
          timeout,
          (ActorRef<StatusReply<Done>> replyTo) -> new PositionBookEntity.HandOver(entity.executorId(), held, replyTo),
          (done, err) -> err == null
              ? new NoticeAcknowledged(POSITIONS)
              : new NoticeFailed(POSITIONS, err.getMessage()));
    }
  }

  /** All delivered: stop re-sending. */
  void stop() {
    entity.timers().cancel("notices");
  }
}
