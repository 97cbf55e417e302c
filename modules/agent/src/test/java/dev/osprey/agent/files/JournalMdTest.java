package dev.osprey.agent.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.agent.journal.DecisionLine;
import dev.osprey.agent.journal.ExecutorLine;
import dev.osprey.agent.journal.SessionJournal;
import dev.osprey.agent.journal.TickLine;
import dev.osprey.agent.journal.TickOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JournalMdTest {
  private static final Instant T0 = Instant.parse("2026-03-27T14:30:00Z");

  static SessionJournal smallJournal() {
    return new SessionJournal("Grid Market Maker", 2, "RUNNING", T0, Optional.empty(),
        List.of(
            new TickLine(1, T0.plusSeconds(60), TickOutcome.OK, new BigDecimal("0.00125"), 1,
                "opened a grid\naround 150"),
            new TickLine(2, T0.plusSeconds(120), TickOutcome.BLOCKED, BigDecimal.ZERO, 0,
                "blocked: Daily loss $60.00 exceeds limit $50.00"),
            new TickLine(3, T0.plusSeconds(180), TickOutcome.FAILED, new BigDecimal("0.01"), 0,
                "no quote for SOL-USDC")),
        List.of(
            new DecisionLine(1, T0.plusSeconds(61), "create_executor",
                "grid SOL-USDC 100 USDC -> created ex-1"),
            new DecisionLine(2, T0.plusSeconds(120), "tick_blocked",
                "Daily loss $60.00 exceeds limit $50.00")),
        List.of(
            new ExecutorLine("ex-1", "grid", "binance_perpetual", "SOL-USDC", "-",
                new BigDecimal("100"), T0.plusSeconds(61), true, new BigDecimal("1.125"),
                new BigDecimal("0.105"), new BigDecimal("200"), ""),
            new ExecutorLine("ex-0", "position", "paper", "SOL-USDC", "BUY",
                new BigDecimal("50.5"), T0.minusSeconds(3600), false, new BigDecimal("-2.135"),
                new BigDecimal("0.02"), new BigDecimal("101"), "STOP_LOSS")),
        List.of("binance_perpetual runs on binance_perpetual_paper_trade: no credentials"));
  }

  @Test
  void shouldRenderASmallJournalExactly() {
    assertEquals("""
        # Journal: Grid Market Maker, session 2

        ## Summary
        - agent: Grid Market Maker
        - session: 2
        - status: RUNNING
        - started: 2026-03-27 14:30:00
        - ended: -
        - ticks: 3 (ok 1, blocked 1, failed 1)
        - net_pnl: $-1.01
        - fees: $0.12
        - volume: $301.00
        - exposure: $100.00
        - open_executors: 1
        - llm_cost: $0.0112
        - binance_perpetual runs on binance_perpetual_paper_trade: no credentials

        ## Decisions
        - tick#1 | 2026-03-27 14:31:01 | create_executor -- grid SOL-USDC 100 USDC -> created ex-1
        - tick#2 | 2026-03-27 14:32:00 | tick_blocked -- Daily loss $60.00 exceeds limit $50.00

        ## Ticks
        - tick#1 | 2026-03-27 14:31:00 | ok | cost=$0.0012 | actions=1 | opened a grid around 150
        - tick#2 | 2026-03-27 14:32:00 | blocked | cost=$0.0000 | actions=0 | blocked: Daily loss $60.00 exceeds limit $50.00
        - tick#3 | 2026-03-27 14:33:00 | failed | cost=$0.0100 | actions=0 | no quote for SOL-USDC

        ## Executors
        - executor=ex-1 | type=grid | binance_perpetual SOL-USDC - | amount=$100.00 | created=2026-03-27 14:31:01 | status=open | pnl=1.12 | fees=0.10 | volume=200.00
        - executor=ex-0 | type=position | paper SOL-USDC BUY | amount=$50.50 | created=2026-03-27 13:30:00 | status=closed | pnl=-2.14 | fees=0.02 | volume=101.00 | close_type=STOP_LOSS
        """, JournalMd.render(smallJournal()));
  }

  @Test
  void shouldCutATicksSummaryTo200Characters() {
    final String summary = "x".repeat(199) + "\uD83D\uDE00" + "y".repeat(50);
    final SessionJournal j = new SessionJournal("A", 1, "STOPPED", T0,
        Optional.of(T0.plusSeconds(5)),
        List.of(new TickLine(1, T0, TickOutcome.OK, BigDecimal.ZERO, 0, summary)),
        List.of(), List.of(), List.of());

    final String text = JournalMd.render(j);

    assertEquals(true, text.contains("| actions=0 | " + "x".repeat(199) + "\uD83D\uDE00\n"), text);
    assertEquals(true, text.contains("- ended: 2026-03-27 14:30:05\n"), text);
  }

  @Test
  void shouldReadBackTheTickNumbersButNotTheDecisions() {
    assertEquals(List.of(1L, 2L, 3L), JournalMd.tickNumbers(JournalMd.render(smallJournal())));
  }

  @Test
  void shouldShowATickWrittenTwice() {
    final String text = "## Decisions\n- tick#1 | x | a -- b\n\n## Ticks\n"
        + "- tick#1 | 2026-03-27 14:31:00 | ok | cost=$0.0000 | actions=0 | a\n"
        + "- tick#2 | 2026-03-27 14:32:00 | ok | cost=$0.0000 | actions=0 | b\n"
        + "- tick#2 | 2026-03-27 14:32:00 | ok | cost=$0.0000 | actions=0 | b\n"
        + "\n## Executors\n";

    assertEquals(List.of(1L, 2L, 2L), JournalMd.tickNumbers(text));
    assertEquals(List.of(), JournalMd.tickNumbers("no journal"));
  }
}
