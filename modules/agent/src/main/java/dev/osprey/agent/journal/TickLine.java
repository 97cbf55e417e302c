package dev.osprey.agent.journal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One tick of a session as the journal's Ticks section lists it.
 *
 * @param tick the tick number within its session, from 1
 * @param at when the tick ran (the clock's time, UTC)
 * @param outcome what became of it
 * @param costUsd the LLM cost of the tick (0 for rule policies)
 * @param actions how many actions the policy took (creates, stops, suggestions, learnings)
 * @param summary one line: the policy's summary, or why the tick was blocked or failed
 */
public record TickLine(long tick, Instant at, TickOutcome outcome, BigDecimal costUsd, int actions, String summary) {}
