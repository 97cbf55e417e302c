package dev.osprey.engine.executor;

import dev.osprey.engine.EngineContext;
import dev.osprey.engine.executor.ExecutorProtocol.Command;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * What the collaborators of one executor entity incarnation share with it: its actor context and
 * timers (answers come back to it as commands), its id, the engine and its venues.
 */
record EntityContext(
    ActorContext<Command> ctx,
    TimerScheduler<Command> timers,
    String executorId,
    EngineContext engine,
    ExecutorVenues venues) {}
