package dev.osprey.backtest;

import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code market.csv}: a header, then one quote per line. Columns (any order): {@code
 * timestamp} (epoch seconds, decimals allowed), {@code connector_name} (optional, default {@code
 * paper}), {@code trading_pair}, and either {@code price} (zero spread) or {@code bid,ask}. Rows are
 * returned sorted by timestamp; rows with the same timestamp keep their file order. Every error
 * names the line and the column.
 */
public final class MarketCsv {
  static final String DEFAULT_CONNECTOR = "paper";

  private MarketCsv() {}

  public static List<MarketRow> read(final Reader source) throws IOException {
    final BufferedReader in = new BufferedReader(source);
    final String header = in.readLine();
    if (header == null || header.isBlank()) {
      throw new IllegalArgumentException("market.csv: empty file (expected a header line)");
    }
    final Map<String, Integer> columns = columns(header);
    final boolean hasPrice = columns.containsKey("price");
    final boolean hasBidAsk = columns.containsKey("bid") && columns.containsKey("ask");
    if (!hasPrice && !hasBidAsk) {
      throw new IllegalArgumentException("market.csv line 1: needs a price column or bid and ask columns");
    }
    for (String required : List.of("timestamp", "trading_pair")) {
      if (!columns.containsKey(required)) {
        throw new IllegalArgumentException("market.csv line 1: missing column " + required);
      }
    }
    final List<MarketRow> rows = new ArrayList<>();
    String line;
    int number = 1;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      rows.add(row(line.split(",", -1), columns, number, hasBidAsk));
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("market.csv: no rows after the header");
    }
    rows.sort((a, b) -> a.timestamp().compareTo(b.timestamp()));   // stable: file order on ties
    return rows;
  }

  private static Map<String, Integer> columns(final String header) {
    final Map<String, Integer> columns = new HashMap<>();
    final String[] names = header.split(",", -1);
    for (int i = 0; i < names.length; i++) {
      final String n = names[i].trim().toLowerCase(Locale.ROOT);
      if (columns.put(n, i) != null) {
        throw new IllegalArgumentException("market.csv line 1: column " + n + " appears twice");
      }
    }
    return columns;
  }

  private static MarketRow row(
      final String[] cells, final Map<String, Integer> columns, final int line, final boolean bidAsk) {
    final Instant ts = timestamp(cell(cells, columns, "timestamp", line), line);
    final String connector = columns.containsKey("connector_name")
        && !cell(cells, columns, "connector_name", line).isBlank()
        ? cell(cells, columns, "connector_name", line).trim()
        : DEFAULT_CONNECTOR;
    final TradingPair pair;
    try {
      pair = TradingPair.parse(cell(cells, columns, "trading_pair", line));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("market.csv line " + line + ", trading_pair: " + e.getMessage());
    }
    final Price bid;
    final Price ask;
    final boolean usePrice = columns.containsKey("price") && !cell(cells, columns, "price", line).isBlank();
    if (usePrice) {
      bid = price(cells, columns, "price", line);
      ask = bid;
    } else if (bidAsk) {
      bid = price(cells, columns, "bid", line);
      ask = price(cells, columns, "ask", line);
    } else {
      throw new IllegalArgumentException("market.csv line " + line + ": price is empty");
    }
    if (bid.gt(ask)) {
      throw new IllegalArgumentException("market.csv line " + line + ": bid " + bid + " is above ask " + ask);
    }
    return new MarketRow(ts, new ConnectorPair(connector, pair), bid, ask);
  }

  private static String cell(final String[] cells, final Map<String, Integer> columns, final String name, final int line) {
    final int i = columns.get(name);
    if (i >= cells.length) {
      throw new IllegalArgumentException("market.csv line " + line + ": missing value for " + name);
    }
    return cells[i].trim();
  }

  private static Price price(final String[] cells, final Map<String, Integer> columns, final String name, final int line) {
    try {
      final BigDecimal v = new BigDecimal(cell(cells, columns, name, line));
      if (v.signum() <= 0) {
        throw new IllegalArgumentException("market.csv line " + line + ", " + name + ": must be positive");
      }
      return Price.of(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "market.csv line " + line + ", " + name + ": '" + cell(cells, columns, name, line) + "' is not a decimal");
    }
  }

  private static Instant timestamp(final String text, final int line) {
    try {
      final BigDecimal seconds = new BigDecimal(text);
      final BigDecimal nanos = seconds.movePointRight(9).setScale(0, RoundingMode.HALF_EVEN);
      final BigDecimal[] qr = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
      return Instant.ofEpochSecond(qr[0].longValueExact(), qr[1].longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("market.csv line " + line + ", timestamp: '" + text + "' is not epoch seconds");
    }
  }
}
