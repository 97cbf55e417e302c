package dev.osprey.bench.load;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, from any thread, up to a fixed capacity (later samples are
 * dropped: a bounded run never grows the heap it measures). Percentiles by sorting a copy.
 */
public final class Latencies {
  private final long[] samples;
  private int size;

  public Latencies(final int capacity) {
    this.samples = new long[capacity];
  }

  public synchronized void record(final long nanos) {
    if (size < samples.length) {
      samples[size++] = nanos;
    }
  }

  public synchronized int count() {
    return size;
  }

  /** The {@code p}-quantile (0.5 = median, 0.99 = p99) in nanoseconds; NaN without samples. */
  public synchronized double percentile(final double p) {
    if (size == 0) {
      return Double.NaN;
    }
    final long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    return sorted[(int) Math.min(size - 1, Math.ceil(p * size) - 1 < 0 ? 0 : Math.ceil(p * size) - 1)];
  }
}
