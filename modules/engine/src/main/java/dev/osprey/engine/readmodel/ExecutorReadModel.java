package dev.osprey.engine.readmodel;

import dev.osprey.engine.executor.ExecutorView;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * The executor read model: one row per executor ever created, kept by the executor projection
 * from the journal, so that listing and searching never wake executor entities.
 *
 * <p>Writes are idempotent upserts ordered by {@link ExecutorRow#version()}: a row (and its view)
 * replaces the stored one only when its version is not lower, so a projection that re-delivers
 * events after a restart, or runs behind the gateway's creation row, never goes back in time.
 */
public interface ExecutorReadModel {
  /** Stores {@code row} and the view it was taken from, unless a higher version is stored. */
  CompletionStage<Done> upsert(ExecutorRow row, ExecutorView view);

  /** The rows of every executor of {@code controllerIds}, in no particular order. */
  CompletionStage<List<ExecutorRow>> rows(Collection<String> controllerIds);

  /** The stored views of {@code rows}, in the same order (views written with those rows or later). */
  CompletionStage<List<ExecutorView>> views(List<ExecutorRow> rows);
}
