package dev.osprey.agent.journal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The full observed state of one tick, kept for debugging and replay (a session keeps its last 100).
 *
 * @param observation what the agent saw: markets, candles, executors, positions (JSON-like values:
 *     maps, lists, strings, numbers)
 * @param risk the risk state the gate and the supervisor reported
 * @param response what the policy answered (its summary and actions, or the failure)
 * @param costUsd the tick's LLM cost
 */
public record TickSnapshot(
    int session,
    long tick,
    Instant at,
    Map<String, Object> observation,
    Map<String, Object> risk,
    String response,
    BigDecimal costUsd) {}
