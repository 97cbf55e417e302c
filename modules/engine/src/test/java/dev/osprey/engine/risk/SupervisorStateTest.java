package dev.osprey.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.order.ExecutionStrategy;
import dev.osprey.domain.executor.order.OrderExecutorConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.risk.RiskProtocol.Entry;
import dev.osprey.engine.risk.RiskSupervisorEntity.ExecutorFinished;
import dev.osprey.engine.risk.RiskSupervisorEntity.SpawnApproved;
import dev.osprey.engine.risk.RiskSupervisorEntity.SpawnConfirmed;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The risk supervisor's state stays bounded: a closed executor leaves the directory and is folded
 * into counters, today's P&L and the last loss; snapshots written before the folding fold on read.
 */
class SupervisorStateTest {
  private static final Instant DAY1 = Instant.parse("2026-03-01T23:00:00Z");
  private static final Instant DAY2 = Instant.parse("2026-03-02T09:00:00Z");

  private static final OrderExecutorConfig ORDER = new OrderExecutorConfig("x", "agent", DAY1, "paper",
      TradingPair.parse("BTC-USDT"), Side.BUY, Quantity.of("1"), PositionAction.OPEN, Price.of("100"), null,
      ExecutionStrategy.LIMIT, null, null);

  private static Entry entry(final String id, final boolean open, final String pnl, final Instant closedAt) {
    return new Entry(id, "order_executor", "paper", "BTC-USDT", "BUY", new BigDecimal("100"), DAY1, true, open,
        open ? null : "COMPLETED", pnl == null ? null : new BigDecimal(pnl), closedAt, null);
  }

  private static SupervisorState approvedAndClosed(final int n) {
    SupervisorState s = SupervisorState.initial();
    for (int i = 0; i < n; i++) {
      final String id = "ex" + i;
      s = RiskSupervisorEvents.apply(s, new SpawnApproved(
          ORDER.withIdentity(id, "agent", DAY1), new BigDecimal("100"), DAY1));
      s = RiskSupervisorEvents.apply(s, new SpawnConfirmed(id));
      s = RiskSupervisorEvents.apply(s, new ExecutorFinished(id, "COMPLETED", new BigDecimal(i % 2 == 0 ? "-1" : "2"),
          i < n / 2 ? DAY1 : DAY2));
    }
    return s;
  }

  @Test
  void shouldKeepOnlyOpenExecutorsHoweverManyHaveClosed() {
    final SupervisorState s = approvedAndClosed(10_000);

    assertEquals(0, s.executors().size());
    assertEquals(10_000L, s.totalExecutors());
    assertEquals(0, new BigDecimal("5000").compareTo(s.cumulativePnl()));        // 5000 x (-1 + 2)
    assertEquals(0, new BigDecimal("2500").compareTo(s.dailyPnl(DAY2)));         // the second half closed on day 2
    assertEquals(0, BigDecimal.ZERO.compareTo(s.dailyPnl(DAY2.plusSeconds(86_400))));
    assertEquals(DAY2, s.latestLoss().orElseThrow());
  }

  @Test
  void shouldFoldTheClosedEntriesOfAnOlderSnapshotWhenRead() {
    final Map<String, Entry> old = new LinkedHashMap<>();
    old.put("a", entry("a", false, "-3", DAY1));
    old.put("b", entry("b", true, null, null));
    old.put("c", entry("c", false, "5", DAY2));
    old.put("d", entry("d", false, "-1.5", DAY2));
    // What Jackson builds from a snapshot without the newer fields: they are null.
    final SupervisorState s = new SupervisorState(RiskLimits.NONE, TradingState.ACTIVE, null, old, new BigDecimal("0.5"),
        new BigDecimal("5"), List.of(), true, null, null, 0, null, null, null, null, null);

    assertEquals(List.of("b"), List.copyOf(s.executors().keySet()));
    assertEquals(4L, s.totalExecutors());
    assertEquals(LocalDate.of(2026, 3, 2), s.pnlDay());
    assertEquals(0, new BigDecimal("3.5").compareTo(s.dailyPnl(DAY2)));
    assertEquals(DAY2, s.latestLoss().orElseThrow());
    assertEquals(0, new BigDecimal("100").compareTo(s.exposure()));
  }
}
