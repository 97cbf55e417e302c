package dev.osprey.testkit.okx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Named counts of what the simulator saw, with futures that complete at a count: tests wait on
 * them.
 */
public final class SimCounters {
  private record Waiter(String name, int atLeast, CompletableFuture<Void> done) {}

  private final Map<String, Integer> counts = new HashMap<>();
  private final List<Waiter> waiters = new ArrayList<>();

  public synchronized void increment(final String name) {
    counts.merge(name, 1, Integer::sum);
    final Iterator<Waiter> it = waiters.iterator();
    while (it.hasNext()) {
      final Waiter w = it.next();
      if (w.name().equals(name) && counts.get(name) >= w.atLeast()) {
        it.remove();
        w.done().complete(null);
      }
    }
  }

  public synchronized int get(final String name) {
    return counts.getOrDefault(name, 0);
  }

  public synchronized CompletableFuture<Void> await(final String name, final int atLeast) {
    if (get(name) >= atLeast) {
      return CompletableFuture.completedFuture(null);
    }
    final CompletableFuture<Void> done = new CompletableFuture<>();
    waiters.add(new Waiter(name, atLeast, done));
    return done;
  }
}
