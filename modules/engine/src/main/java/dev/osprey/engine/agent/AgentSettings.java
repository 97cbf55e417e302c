package dev.osprey.engine.agent;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Agent knobs ({@code osprey.agents}).
 *
 * @param tickCheckInterval how often a running agent looks at the clock for a due tick (the clock
 *     decides when a tick is due; this bounds how late it is noticed)
 * @param toolTimeout how long one tool call may take (a create waits for the risk supervisor)
 * @param policyTimeout how long a policy may take to decide one tick before the tick fails
 * @param candles how many one-minute candles a tick observes per market
 */
public record AgentSettings(Duration tickCheckInterval, Duration toolTimeout, Duration policyTimeout, int candles) {

  public static AgentSettings from(final Config config) {
    final Config c = config.getConfig("osprey.agents");
    return new AgentSettings(c.getDuration("tick-check-interval"), c.getDuration("tool-timeout"),
        c.getDuration("policy-timeout"), c.getInt("candles"));
  }
}
