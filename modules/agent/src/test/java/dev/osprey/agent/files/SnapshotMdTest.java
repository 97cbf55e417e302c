package dev.osprey.agent.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.osprey.agent.journal.TickSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotMdTest {
  private static final Instant T0 = Instant.parse("2026-03-27T14:30:00Z");

  static TickSnapshot snapshot(final int session, final long tick) {
    final Map<String, Object> observation = new LinkedHashMap<>();
    observation.put("markets", Map.of("SOL-USDC", Map.of("mid", new BigDecimal("150.25"))));
    observation.put("executors", List.of(Map.of("id", "ex-1", "pnl", new BigDecimal("1E-8"))));
    observation.put("candles", List.of());
    final Map<String, Object> risk = new LinkedHashMap<>();
    risk.put("is_blocked", false);
    risk.put("executor_count", 1L);
    risk.put("daily_pnl", new BigDecimal("-1.50"));
    return new TickSnapshot(session, tick, T0.plusSeconds(60 * tick), observation, risk,
        "Kept the grid.\n```\nno change\n```", new BigDecimal("0.00125"));
  }

  @Test
  void shouldRenderObservationAndRiskAsSortedJsonAndTheResponseVerbatim() {
    assertEquals("""
        # Snapshot: session 1, tick 7

        - at: 2026-03-27 14:37:00

        ## Observation
        ```json
        {
          "candles": [],
          "executors": [
            {
              "id": "ex-1",
              "pnl": 0.00000001
            }
          ],
          "markets": {
            "SOL-USDC": {
              "mid": 150.25
            }
          }
        }
        ```

        ## Risk State
        ```json
        {
          "daily_pnl": -1.50,
          "executor_count": 1,
          "is_blocked": false
        }
        ```

        ## Agent Response
        ````text
        Kept the grid.
        ```
        no change
        ```
        ````

        ## Cost
        - llm_cost: $0.0012
        """, SnapshotMd.render(snapshot(1, 7)));
    assertEquals("snapshot_7.md", SnapshotMd.fileName(7));
  }

  @Test
  void shouldRefuseAnObservationThatIsNotJsonLike() {
    final TickSnapshot s = new TickSnapshot(1, 1, T0, Map.of("self", new Object()), Map.of(), "",
        BigDecimal.ZERO);

    assertThrows(IllegalArgumentException.class, () -> SnapshotMd.render(s));
  }
}
