package dev.osprey.engine.executor;

import java.util.ArrayList;
import java.util.List;

/**
 * The tag slices of executor events. Every event of one executor carries the same tag, {@code
 * executor-<n>} with {@code n} from the hash of its id, so that one projection instance per slice
 * sees all of an executor's events in order, and the slices can be spread over the nodes of a
 * cluster (one sharded daemon process each).
 *
 * <p>{@link #SLICES} is fixed: events are tagged when they are written, so a different count would
 * split one executor's events over two tags. Changing it needs a new projection id and a rebuild.
 */
public final class ExecutorTags {
  /** How many tag slices, and so how many projection instances, there are. */
  public static final int SLICES = 8;
  private static final String PREFIX = "executor-";

  private ExecutorTags() {}

  /** The tag of every event of {@code executorId}. */
  public static String of(final String executorId) {
    return PREFIX + Math.floorMod(executorId.hashCode(), SLICES);
  }

  /** Every tag, slice 0 first. */
  public static List<String> all() {
    final List<String> out = new ArrayList<>(SLICES);
    for (int i = 0; i < SLICES; i++) {
      out.add(PREFIX + i);
    }
    return List.copyOf(out);
  }
}
