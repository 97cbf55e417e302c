package dev.osprey.bench.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Pushes work "as fast as it is taken": one thread calls {@code push(i)}, each push delivering
 * {@code perPush} messages (a quote to the executors of one pair, a command to a group of
 * entities), while at most {@code window} delivered messages are not yet taken (counted by {@code
 * taken}), and optionally at most {@code ratePerSecond} messages a second. Bounded in time; it stops
 * by itself. The same pusher drives a figure and its baseline, so that their ratio compares the
 * receivers, not two load generators.
 */
public final class FanOutLoad {
  private final IntConsumer push;
  private final int perPush;
  private final LongSupplier taken;
  private final long window;

  /** What one run took: messages taken while it ran, and for how long. */
  public record Outcome(long taken, double seconds) {
    public double perSecond() {
      return taken / seconds;
    }
  }

  public FanOutLoad(final IntConsumer push, final int perPush, final LongSupplier taken, final long window) {
    this.push = push;
    this.perPush = perPush;
    this.taken = taken;
    this.window = window;
  }

  /** Runs {@code warmUp} (not counted), then {@code measure}; {@code ratePerSecond} 0 means no cap. */
  public Outcome run(final Duration warmUp, final Duration measure, final double ratePerSecond) {
    final Counter state = new Counter(taken.getAsLong());
    pushFor(warmUp, ratePerSecond, state);
    final long takenBefore = taken.getAsLong();
    final long start = System.nanoTime();
    pushFor(measure, ratePerSecond, state);
    final long takenAfter = taken.getAsLong();
    return new Outcome(takenAfter - takenBefore, (System.nanoTime() - start) / 1e9);
  }

  private void pushFor(final Duration d, final double ratePerSecond, final Counter state) {
    final long start = System.nanoTime();
    final long end = start + d.toNanos();
    long now;
    while ((now = System.nanoTime()) < end && !Thread.currentThread().isInterrupted()) {
      if (state.delivered - taken.getAsLong() > window) {
        // Park rather than spin: on two cores a spinning pusher takes a core from the receivers.
        LockSupport.parkNanos(20_000);
        continue;
      }
      if (ratePerSecond > 0 && state.deliveredHere >= (now - start) / 1e9 * ratePerSecond) {
        LockSupport.parkNanos(20_000);
        continue;
      }
      push.accept(state.pushes++);
      state.delivered += perPush;
      state.deliveredHere += perPush;
    }
    state.deliveredHere = 0;
  }

  /** The pusher's own bookkeeping (one thread). */
  public static final class Counter {
    long delivered;
    long deliveredHere;
    int pushes;

    Counter(final long alreadyTaken) {
      this.delivered = alreadyTaken;
    }
  }
}
