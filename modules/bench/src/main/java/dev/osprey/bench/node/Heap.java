package dev.osprey.bench.node;

import java.lang.management.ManagementFactory;

/** The live heap: used heap right after full collections (System.gc, which G1 runs as a full GC). */
public final class Heap {
  private Heap() {}

  public static long afterFullGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    // Several rounds: finalizable and soft-referenced objects need more than one to go.
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(300);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
