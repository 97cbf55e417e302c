package dev.osprey.backtest;

import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.money.Price;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code actions.csv}: a header, then one scripted action per line (src-docs/backtest.md).
 * Columns by name, any order: {@code timestamp} and {@code action} always; then per action
 *
 * <ul>
 *   <li>{@code stop}: {@code executor_id}, optional {@code keep_position} ({@code true}/{@code
 *       false}, default false);
 *   <li>{@code quote}: optional {@code connector_name} (default paper), {@code trading_pair}, and
 *       {@code price} or {@code bid,ask};
 *   <li>{@code balance}: optional {@code connector_name}, {@code asset}, {@code amount} (≥ 0).
 * </ul>
 *
 * Actions are returned sorted by timestamp, file order on ties. Every error names the line and
 * the column. Whether a stopped executor exists is checked against executors.json by {@link
 * Backtest}.
 */
final class ActionsCsv {
  static final String FILE = "actions.csv";
  private static final Set<String> ACTIONS = Set.of("stop", "quote", "balance");

  private ActionsCsv() {}

  static List<ReplayAction> read(final Reader source) throws IOException {
    final BufferedReader in = new BufferedReader(source);
    final String header = in.readLine();
    if (header == null || header.isBlank()) {
      throw new IllegalArgumentException(FILE + ": empty file (expected a header line)");
    }
    final Map<String, Integer> columns = CsvLine.columns(FILE, header);
    for (String required : List.of("timestamp", "action")) {
      if (!columns.containsKey(required)) {
        throw new IllegalArgumentException(FILE + " line 1: missing column " + required);
      }
    }
    final List<ReplayAction> out = new ArrayList<>();
    String text;
    int number = 1;
    while ((text = in.readLine()) != null) {
      number++;
      if (!text.isBlank()) {
        out.add(action(new CsvLine(FILE, number, text, columns)));
      }
    }
    out.sort((a, b) -> a.at().compareTo(b.at()));   // stable: file order on ties
    return out;
  }

  private static ReplayAction action(final CsvLine line) {
    final Instant at = line.timestamp("timestamp");
    final String action = line.required("action").toLowerCase(Locale.ROOT);
    final String connector =
        line.has("connector_name") ? line.text("connector_name") : MarketCsv.DEFAULT_CONNECTOR;
    switch (action) {
      case "stop" -> {
        return new ReplayAction.Stop(at, line.number(), line.required("executor_id"), keepPosition(line));
      }
      case "quote" -> {
        line.required("trading_pair");
        final Price bid = line.has("price") ? line.price("price") : priceOf(line, "bid");
        final Price ask = line.has("price") ? bid : priceOf(line, "ask");
        if (bid.gt(ask)) {
          throw line.error("bid " + bid + " is above ask " + ask);
        }
        return new ReplayAction.Quote(
            at, line.number(), new ConnectorPair(connector, line.pair("trading_pair")), bid, ask);
      }
      case "balance" -> {
        final String asset = line.required("asset").toUpperCase(Locale.ROOT);
        line.required("amount");
        final BigDecimal amount = line.decimal("amount");
        if (amount.signum() < 0) {
          throw line.error("amount", "must not be negative");
        }
        return new ReplayAction.SetBalance(at, line.number(), connector, asset, amount);
      }
      default -> throw line.error("action", "'" + action + "' is not one of " + ACTIONS.stream().sorted().toList());
    }
  }

  private static Price priceOf(final CsvLine line, final String column) {
    if (!line.has(column)) {
      throw line.error("a quote needs price, or bid and ask");
    }
    return line.price(column);
  }

  private static boolean keepPosition(final CsvLine line) {
    if (!line.has("keep_position")) {
      return false;
    }
    final String v = line.text("keep_position").toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw line.error("keep_position", "'" + line.text("keep_position") + "' is not true or false");
    }
    return Boolean.parseBoolean(v);
  }
}
