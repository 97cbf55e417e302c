package dev.osprey.backtest;

import dev.osprey.domain.FieldViolation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code bin/osprey backtest --executors executors.json --market market.csv [--connectors
 * connectors.json] [--actions actions.csv] --out report.json}. Exit 0 on success, 2 on bad input (the message names the
 * file, line or field), 1 on an unexpected failure.
 */
public final class BacktestMain {
  private BacktestMain() {}

  public static void main(final String[] args) {
    System.exit(run(args));
  }

  static int run(final String[] args) {
    String executors = null;
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
        case "--market" -> market = value;
        case "--connectors" -> connectors = value;
        case "--actions" -> actions = value;
        case "--out" -> out = value;
        default -> {
          return usage("unknown option " + flag);
        }
      }
    }
    if (executors == null || market == null || out == null) {
      return usage("--executors, --market and --out are required");
    }
    try {
      final String report = new Backtest().run(
          read(executors), read(market), connectors == null ? null : read(connectors),
          actions == null ? null : read(actions));
      final Path target = Path.of(out).toAbsolutePath();
      final Path tmp = Files.createTempFile(target.getParent(), ".report", ".tmp");
      Files.writeString(tmp, report + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return 0;
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

  private static String read(final String file) throws IOException {
    return Files.readString(Path.of(file), StandardCharsets.UTF_8);
  }

  private static int usage(final String problem) {
    System.err.println("osprey backtest: " + problem);
    System.err.println(
        "usage: bin/osprey backtest --executors executors.json --market market.csv "
            + "[--connectors connectors.json] [--actions actions.csv] --out report.json");
    return 2;
  }
}
