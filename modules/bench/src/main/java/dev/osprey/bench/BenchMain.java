package dev.osprey.bench;

import dev.osprey.bench.harness.ColdStart;
import dev.osprey.bench.harness.DomainDecision;
import dev.osprey.bench.harness.EventsPersisted;
import dev.osprey.bench.harness.ExecutorCreates;
import dev.osprey.bench.harness.ExecutorReads;
import dev.osprey.bench.harness.Harness;
import dev.osprey.bench.harness.IdleMemory;
import dev.osprey.bench.harness.LiveDecisions;
import dev.osprey.bench.harness.QuoteToOrder;
import dev.osprey.bench.harness.Replay;
import dev.osprey.bench.node.BenchCassandra;
import dev.osprey.bench.report.BenchDoc;
import dev.osprey.bench.report.Machine;
import dev.osprey.bench.report.ResultTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/osprey bench <name>[,<name>…]|all|list [--smoke]}: runs harnesses, prints each table, and
 * (unless {@code --smoke}) appends it to src-docs/benchmarks.md with the date, the machine and
 * the command. Exits 1 if a harness failed.
 */
public final class BenchMain {
  private BenchMain() {}

  static List<Harness> harnesses() {
    return List.of(new DomainDecision(), new LiveDecisions(), new QuoteToOrder(), new IdleMemory(),
        new EventsPersisted(), new ExecutorCreates(), new ExecutorReads(), new ColdStart(), new Replay());
  }

  public static void main(final String[] args) {
    // The node's own logback.xml logs at INFO; the harnesses' output is their tables.
    System.setProperty("logback.configurationFile", "bench-logback.xml");
    final boolean smoke = List.of(args).contains("--smoke");
    final String name = args.length > 0 ? args[0] : "list";
    if ("list".equals(name)) {
      for (Harness h : harnesses()) {
        System.out.printf("%-16s %s%n", h.about().name(), h.about().title());
      }
      System.exit(0);
    }
    final List<Harness> chosen = new ArrayList<>();
    for (Harness h : harnesses()) {
      if ("all".equals(name) || List.of(name.split(",")).contains(h.about().name())) {
        chosen.add(h);
      }
    }
    if (chosen.isEmpty()) {
      System.err.println("bench: no harness " + name + " (bin/osprey bench list)");
      System.exit(2);
    }
    final String command = System.getProperty("osprey.bench.command", "BenchMain " + String.join(" ", args));
    final Machine machine = Machine.current();
    int failed = 0;
    try {
      for (Harness h : chosen) {
        // Each table says the command that reproduces it alone.
        failed += runOne(h, smoke, command.replace("bench " + name, "bench " + h.about().name()), machine) ? 0 : 1;
      }
    } finally {
      BenchCassandra.stop();
    }
    System.exit(failed == 0 ? 0 : 1);
  }

  private static boolean runOne(final Harness h, final boolean smoke, final String command, final Machine machine) {
    System.out.println("== bench " + h.about().name() + (smoke ? " (smoke)" : "") + ": " + h.about().title());
    final long start = System.nanoTime();
    try {
      final ResultTable table = h.run(smoke);
      System.out.println(table.markdown());
      System.out.printf("== bench %s done in %.0f s%n", h.about().name(), (System.nanoTime() - start) / 1e9);
      if (!smoke) {
        new BenchDoc(Path.of(System.getProperty("osprey.bench.doc", "src-docs/benchmarks.md")))
            .append(h.about().title() + " (`bin/osprey bench " + h.about().name() + "`)", h.about().intro(), command, machine, table);
      }
      return true;
    } catch (Exception | AssertionError e) {
      System.err.println("== bench " + h.about().name() + " FAILED");
      e.printStackTrace();
      return false;
    }
  }
}
