package dev.osprey.backtest;

import dev.osprey.agent.files.AgentFileException;
import dev.osprey.agent.files.AgentTree;
import dev.osprey.agent.files.CtaPaths;
import dev.osprey.domain.FieldViolation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code bin/osprey backtest (--executors executors.json | --agent DIR [--executors executors.json])
 * --market market.csv [--connectors connectors.json] [--actions actions.csv] --out report.json}.
 * With {@code --agent}, the agent's folder as the replay left it (journal, snapshots) is written
 * beside the report, to {@code trading_agents/<slug>/} in the report's folder. Exit 0 on success,
 * 2 on bad input (the message names the file, line or field), 1 on an unexpected failure.
 */
public final class BacktestMain {
  private BacktestMain() {}

  public static void main(final String[] args) {
    System.exit(run(args));
  }

  static int run(final String[] args) {
    String executors = null;
    String agent = null;
    String market = null;
    String connectors = null;
    String actions = null;
    String out = null;
    for (int i = 0; i < args.length; i++) {
      final String flag = args[i];
      if (i + 1 >= args.length) {
        return usage("missing value for " + flag);
      }
      final String value = args[++i];
      switch (flag) {
        case "--executors" -> executors = value;
        case "--agent" -> agent = value;
        case "--market" -> market = value;
        case "--connectors" -> connectors = value;
        case "--actions" -> actions = value;
        case "--out" -> out = value;
        default -> {
          return usage("unknown option " + flag);
        }
      }
    }
    if ((executors == null && agent == null) || market == null || out == null) {
      return usage("--executors or --agent, --market and --out are required");
    }
    try {
      final Path target = Path.of(out).toAbsolutePath();
      Files.createDirectories(target.getParent());
      final String connectorsText = connectors == null ? null : read(connectors);
      final String actionsText = actions == null ? null : read(actions);
      final String report;
      if (agent == null) {
        report = new Backtest().run(read(executors), read(market), connectorsText, actionsText);
      } else {
        final Path agentDir = Path.of(agent).toAbsolutePath().normalize();
        final AgentBacktest.Outcome outcome = new AgentBacktest().run(AgentTree.readDirectory(agentDir),
            read(market), connectorsText, actionsText, executors == null ? null : read(executors));
        writeAgentFiles(outcome.files(), target.getParent(), agentDir);
        report = outcome.report();
      }
      final Path tmp = Files.createTempFile(target.getParent(), ".report", ".tmp");
      Files.writeString(tmp, report + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return 0;
    } catch (AgentFileException e) {
      System.err.println("osprey backtest: " + e.getMessage());
      return 2;
    } catch (FieldViolation.Invalid e) {
      System.err.println("osprey backtest: invalid input:");
      for (FieldViolation v : e.violations()) {
        System.err.println("  " + v.field() + ": " + v.rule());
      }
      return 2;
    } catch (IllegalArgumentException | NoSuchFileException e) {
      System.err.println("osprey backtest: " + (e instanceof NoSuchFileException ? "no such file: " : "") + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      System.err.println("osprey backtest: failed: " + e);
      return 1;
    }
  }

  /**
   * Writes the replayed agent's folder to {@code trading_agents/<slug>/} under {@code dir},
   * replacing what an earlier backtest wrote there; never over the agent's own folder.
   */
  private static void writeAgentFiles(final AgentTree files, final Path dir, final Path agentDir) throws IOException {
    final Path folder = dir.resolve(CtaPaths.AGENTS_FOLDER).resolve(files.slug()).normalize();
    if (folder.equals(agentDir) || (Files.exists(folder) && Files.isSameFile(folder, agentDir))) {
      throw new IllegalArgumentException("--out: the agent's files would be written over its own folder "
          + agentDir + "; put the report in another folder");
    }
    if (Files.exists(folder)) {
      try (var walk = Files.walk(folder)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    files.writeDirectory(folder);
  }

  private static String read(final String file) throws IOException {
    return Files.readString(Path.of(file), StandardCharsets.UTF_8);
  }

  private static int usage(final String problem) {
    System.err.println("osprey backtest: " + problem);
    System.err.println(
        "usage: bin/osprey backtest (--executors executors.json | --agent DIR [--executors executors.json]) "
            + "--market market.csv [--connectors connectors.json] [--actions actions.csv] --out report.json");
    return 2;
  }
}
