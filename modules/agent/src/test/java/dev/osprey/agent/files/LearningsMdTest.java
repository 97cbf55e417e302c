package dev.osprey.agent.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningsMdTest {

  private static void assertProblem(final String expectedMessage, final String text) {
    final AgentFileException e =
        assertThrows(AgentFileException.class, () -> LearningsMd.parse(text));
    assertEquals(expectedMessage, e.getMessage());
  }

  @Test
  void shouldReadTheStandardsExampleExactly() {
    final Learnings l = LearningsMd.parse(StandardExamples.learningsMd());

    assertEquals(List.of(
        new Insight(Instant.parse("2026-03-27T14:30:00Z"), "Wider spreads (0.5% vs 0.3%) reduced "
            + "adverse selection during Asian session volatility"),
        new Insight(Instant.parse("2026-03-26T09:15:00Z"),
            "Grid rebalancing at 5% threshold outperforms 10% threshold for SOL-USDC"),
        new Insight(Instant.parse("2026-03-25T16:45:00Z"),
            "Funding rate spikes above 0.05% correlate with 2-hour price reversals")),
        l.active());
    assertEquals(List.of(), l.retired());
  }

  @Test
  void shouldWriteTheStandardsExampleBackToTheSameText() {
    final String text = StandardExamples.learningsMd();

    assertEquals(text, LearningsMd.render(LearningsMd.parse(text)));
  }

  @Test
  void shouldReadBackWhatItRendersWithRetiredInsights() {
    final Learnings l = LearningsMd.parse(StandardExamples.learningsMd())
        .retire(2)
        .add(new Insight(Instant.parse("2026-03-28T08:05:00Z"), "Asian session: widen to 0.6%"));

    assertEquals("""
        # Learnings

        ## Active Insights
        - [2026-03-28 08:05] Asian session: widen to 0.6%
        - [2026-03-27 14:30] Wider spreads (0.5% vs 0.3%) reduced adverse selection during Asian session volatility
        - [2026-03-26 09:15] Grid rebalancing at 5% threshold outperforms 10% threshold for SOL-USDC

        ## Retired Insights
        - [2026-03-25 16:45] Funding rate spikes above 0.05% correlate with 2-hour price reversals
        """, LearningsMd.render(l));
    assertEquals(l, LearningsMd.parse(LearningsMd.render(l)));
  }

  @Test
  void shouldReadAnEmptyFileAndEmptyLearnings() {
    assertEquals(Learnings.EMPTY, LearningsMd.parse(""));
    assertEquals("# Learnings\n\n## Active Insights\n", LearningsMd.render(Learnings.EMPTY));
    assertEquals(Learnings.EMPTY, LearningsMd.parse(LearningsMd.render(Learnings.EMPTY)));
  }

  @Test
  void shouldNameTheLineOfAProblem() {
    assertProblem("learnings.md:5: an insight must read '- [YYYY-MM-DD HH:MM] text'",
        "# Learnings\n\n## Active Insights\n- [2026-03-27 14:30] fine\n"
            + "* [2026-03-27 14:30] star\n");
    assertProblem("learnings.md:4: an insight must read '- [YYYY-MM-DD HH:MM] text'",
        "# Learnings\n\n## Active Insights\n- [2026-03-27] no time\n");
    assertProblem("learnings.md:4: '2026-02-30 10:00' is not a date and time",
        "# Learnings\n\n## Active Insights\n- [2026-02-30 10:00] no such day\n");
    assertProblem("learnings.md:3: unknown section 'Ideas' (expected 'Active Insights' and "
            + "'Retired Insights')",
        "# Learnings\n\n## Ideas\n- [2026-03-27 14:30] x\n");
    assertProblem("learnings.md:2: text outside the sections 'Active Insights' and "
            + "'Retired Insights'",
        "# Learnings\nsome notes\n## Active Insights\n");
    assertProblem("learnings.md:4: a second section 'Active Insights'",
        "## Active Insights\n- [2026-03-27 14:30] x\n\n## Active Insights\n");
  }
}
