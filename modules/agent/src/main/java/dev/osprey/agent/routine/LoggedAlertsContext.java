package dev.osprey.agent.routine;

import java.time.Clock;

/**
 * The outbound half of a {@link RoutineContext}: a given clock and webhook sender, and alerts
 * kept in the context's own {@link AlertLog}. Subclasses supply the market data.
 */
public abstract class LoggedAlertsContext implements RoutineContext {
  private final Clock clock;
  private final WebhookSender webhooks;
  private final AlertLog alerts = new AlertLog();

  protected LoggedAlertsContext(final Clock clock, final WebhookSender webhooks) {
    this.clock = clock;
    this.webhooks = webhooks;
  }

  @Override
  public final Clock clock() {
    return clock;
  }

  @Override
  public final WebhookSender webhooks() {
    return webhooks;
  }

  /** The log alert routines record to. */
  @Override
  public final AlertLog alerts() {
    return alerts;
  }
}
