package dev.osprey.engine;

import dev.osprey.domain.executor.ExecutorFactory;
import dev.osprey.engine.venue.Venues;
import java.time.Clock;

/**
 * What the entities of one node need from outside the actor system: the venues it trades on, the
 * clock (a manual one in tests), the executor factory and the settings. Node-local, never sent.
 */
public record EngineContext(
    Venues venues, Clock clock, ExecutorFactory executorFactory, EngineSettings settings) {}
