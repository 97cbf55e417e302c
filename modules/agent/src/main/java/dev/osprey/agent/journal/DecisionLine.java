package dev.osprey.agent.journal;

import java.time.Instant;

/**
 * One decision of a session as the journal's Decisions section lists it: an action the policy took
 * and how it ended, e.g. {@code create_executor} / {@code grid SOL-USDC 100 USDC -> created
 * my-agent-s1-t3-0}, or {@code tick_blocked} / the gate's reason.
 */
public record DecisionLine(long tick, Instant at, String action, String detail) {}
