package dev.osprey.engine.gateway;

import dev.osprey.domain.risk.TradingState;
import java.time.Instant;
import java.util.Set;

/**
 * The global trading state as the HTTP layer shows it.
 *
 * @param version how many times it changed
 * @param killSwitch whether the latest change was the kill switch (and kept positions or not)
 * @param pendingControllers controllers that have not acknowledged the latest change yet
 */
public record GlobalTradingState(
    long version,
    TradingState state,
    String reason,
    boolean killSwitch,
    boolean keepPosition,
    Instant changedAt,
    Set<String> pendingControllers) {}
