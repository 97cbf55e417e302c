package dev.osprey.backtest;

import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    final Map<String, Integer> columns = CsvLine.columns("market.csv", header);
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
      rows.add(row(new CsvLine("market.csv", number, line, columns), hasBidAsk));
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("market.csv: no rows after the header");
    }
    rows.sort((a, b) -> a.timestamp().compareTo(b.timestamp()));   // stable: file order on ties
    return rows;
  }

  private static MarketRow row(final CsvLine line, final boolean bidAsk) {
    final Instant ts = line.timestamp("timestamp");
    final String connector = line.has("connector_name") ? line.text("connector_name") : DEFAULT_CONNECTOR;
    final TradingPair pair = line.pair("trading_pair");
    final Price bid;
    final Price ask;
    if (line.has("price")) {
      bid = line.price("price");
      ask = bid;
    } else if (bidAsk) {
      bid = line.price("bid");
      ask = line.price("ask");
    } else {
      throw line.error("price is empty");
    }
    if (bid.gt(ask)) {
      throw line.error("bid " + bid + " is above ask " + ask);
    }
    return new MarketRow(ts, new ConnectorPair(connector, pair), bid, ask);
  }
}
