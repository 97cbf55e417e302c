package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/osprey backtest} as users run it, on the application this build packaged. */
class BacktestCommandIT {
  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Path DATA = Path.of("src/test/resources/backtest").toAbsolutePath();

  private static int osprey(final Path out, final Path log, final String... args) throws Exception {
    final List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("bin/osprey").toString(), "backtest"));
    command.addAll(List.of(args));
    final ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("OSPREY_SKIP_BUILD", "1");
    final Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("bin/osprey backtest did not finish");
    }
    return p.exitValue();
  }

  private static void assertDecimal(final String expected, final JsonNode actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), () -> "was " + actual);
  }

  @Test
  void shouldWriteTheReportOfEveryExecutorAndTheHeldPositions(@TempDir final Path dir) throws Exception {
    final Path out = dir.resolve("report.json");
    final Path log = dir.resolve("log.txt");
    final int exit = osprey(out, log, "--executors", DATA.resolve("executors.json").toString(),
        "--market", DATA.resolve("market.csv").toString(),
        "--connectors", DATA.resolve("connectors.json").toString(), "--out", out.toString());
    assertEquals(0, exit, () -> readQuietly(log));

    final JsonNode report = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(out.toFile());
    final JsonNode tp = report.get("executors").get(0);
    assertEquals("tp1", tp.get("executor_id").asText());
    assertEquals("TAKE_PROFIT", tp.get("close_type").asText());
    assertDecimal("2.797", tp.get("net_pnl_quote"));
    assertDecimal("0.203", tp.get("cum_fees_quote"));
    assertDecimal("203", tp.get("filled_amount_quote"));
    final JsonNode dip = report.get("executors").get(1);
    assertEquals("POSITION_HOLD", dip.get("close_type").asText());
    final JsonNode held = report.get("positions").get("replay").get("positions").get(0);
    assertDecimal("97", held.get("breakeven_price"));
    assertDecimal("2", held.get("net_amount_base"));

    final Path again = dir.resolve("again.json");
    assertEquals(0, osprey(again, log, "--executors", DATA.resolve("executors.json").toString(),
        "--market", DATA.resolve("market.csv").toString(),
        "--connectors", DATA.resolve("connectors.json").toString(), "--out", again.toString()));
    assertEquals(Files.readString(out), Files.readString(again), "byte-identical output");
  }

  @Test
  void shouldExitTwoNamingTheProblemOnBadInput(@TempDir final Path dir) throws Exception {
    final Path bad = dir.resolve("market.csv");
    Files.writeString(bad, "timestamp,trading_pair,price\n1700000000,DEMO-USDT,-5\n");
    final Path log = dir.resolve("log.txt");
    final int exit = osprey(dir.resolve("r.json"), log, "--executors", DATA.resolve("executors.json").toString(),
        "--market", bad.toString(), "--out", dir.resolve("r.json").toString());
    assertEquals(2, exit);
    assertEquals("osprey backtest: market.csv line 2, price: must be positive", Files.readString(log).trim());
    assertEquals(false, new File(dir.resolve("r.json").toString()).exists());
  }

  private static String readQuietly(final Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
