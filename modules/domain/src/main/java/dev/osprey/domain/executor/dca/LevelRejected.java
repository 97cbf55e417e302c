package dev.osprey.domain.executor.dca;

import dev.osprey.domain.executor.ExecutorEvent;

/**
 * At start, level {@code level} of a DCA executor could not form an order under the venue's
 * trading rules ({@code reason} says which rule). The reference refuses such a config when it
 * builds the executor; Osprey learns the rules only from the market view, so it records the fact
 * and ends FAILED before placing anything. Persisted as {@code dca_level_rejected}.
 */
public record LevelRejected(int level, String reason) implements ExecutorEvent {}
