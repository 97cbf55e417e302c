package dev.osprey.engine.readmodel;

import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.engine.executor.ExecutorView;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The searchable columns of one executor in the read model: what filters, sorts and pages a search
 * and what summarizes it, without the stored view.
 *
 * @param createdAt the config's timestamp: newest first, and the cursor's instant
 * @param version the sequence number of the last journal event the row reflects (0: written by
 *     the gateway when the executor was created, before the projection saw it); a row never
 *     replaces one with a higher version
 */
public record ExecutorRow(
    String executorId,
    String controllerId,
    String type,
    String connectorName,
    String tradingPair,
    String side,
    String status,
    String closeType,
    Instant createdAt,
    Instant closedAt,
    BigDecimal netPnlQuote,
    BigDecimal cumFeesQuote,
    BigDecimal filledAmountQuote,
    long version) {

  /** The row of {@code view} as of journal event {@code version}. */
  public static ExecutorRow of(final ExecutorView view, final long version) {
    final ExecutorReport r = view.report();
    return new ExecutorRow(
        view.config().id(),
        view.config().controllerId(),
        view.config().type(),
        view.config().connectorName(),
        view.config().tradingPair() == null ? null : view.config().tradingPair().symbol(),
        view.config().side() == null ? null : view.config().side().name(),
        r.status().name(),
        r.closeType() == null ? null : r.closeType().name(),
        view.config().timestamp(),
        r.closeTimestamp(),
        r.netPnlQuote().value(),
        r.cumFeesQuote().value(),
        r.filledAmountQuote().value(),
        version);
  }

  /** Not terminated (as of this row): its numbers move, so readers ask the live executor. */
  public boolean open() {
    return !RunnableStatus.TERMINATED.name().equals(status);
  }
}
