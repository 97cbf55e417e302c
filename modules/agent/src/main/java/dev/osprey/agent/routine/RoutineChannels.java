package dev.osprey.agent.routine;

import java.time.Clock;

/**
 * The outbound half of a {@link RoutineContext}: the clock routines stamp with, where webhooks go
 * and the log alerts are kept in.
 */
public record RoutineChannels(Clock clock, WebhookSender webhooks, AlertLog alerts) {}
