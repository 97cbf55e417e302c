package dev.osprey.backtest;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One data line of a replay input CSV ({@code market.csv}, {@code actions.csv}), read by column
 * name. Every error it raises names the file, the line and the column, e.g. {@code market.csv line
 * 3, price: 'abc' is not a decimal}: that is the message users see with exit code 2.
 */
final class CsvLine {
  private final String file;
  private final int number;
  private final String[] cells;
  private final Map<String, Integer> columns;

  CsvLine(final String file, final int number, final String line, final Map<String, Integer> columns) {
    this.file = file;
    this.number = number;
    this.cells = line.split(",", -1);
    this.columns = columns;
  }

  /** Column name (trimmed, lower case) to index, from the header line. */
  static Map<String, Integer> columns(final String file, final String header) {
    final Map<String, Integer> columns = new HashMap<>();
    final String[] names = header.split(",", -1);
    for (int i = 0; i < names.length; i++) {
      final String n = names[i].trim().toLowerCase(Locale.ROOT);
      if (columns.put(n, i) != null) {
        throw new IllegalArgumentException(file + " line 1: column " + n + " appears twice");
      }
    }
    return columns;
  }

  int number() {
    return number;
  }

  /** True when the file has the column and this line a non-blank value in it. */
  boolean has(final String column) {
    final Integer i = columns.get(column);
    return i != null && i < cells.length && !cells[i].isBlank();
  }

  /** The trimmed value of a column the caller knows the file has. */
  String text(final String column) {
    final Integer i = columns.get(column);
    if (i == null || i >= cells.length) {
      throw new IllegalArgumentException(file + " line " + number + ": missing value for " + column);
    }
    return cells[i].trim();
  }

  /** Like {@link #text} but a blank value is an error too. */
  String required(final String column) {
    if (!has(column)) {
      throw new IllegalArgumentException(file + " line " + number + ": missing value for " + column);
    }
    return text(column);
  }

  Instant timestamp(final String column) {
    final String t = text(column);
    try {
      final BigDecimal nanos = new BigDecimal(t).movePointRight(9).setScale(0, RoundingMode.HALF_EVEN);
      final BigDecimal[] qr = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
      return Instant.ofEpochSecond(qr[0].longValueExact(), qr[1].longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw error(column, "'" + t + "' is not epoch seconds");
    }
  }

  BigDecimal decimal(final String column) {
    final String t = text(column);
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      throw error(column, "'" + t + "' is not a decimal");
    }
  }

  Price price(final String column) {
    final BigDecimal v = decimal(column);
    if (v.signum() <= 0) {
      throw error(column, "must be positive");
    }
    return Price.of(v);
  }

  TradingPair pair(final String column) {
    try {
      return TradingPair.parse(text(column));
    } catch (IllegalArgumentException e) {
      throw error(column, e.getMessage());
    }
  }

  IllegalArgumentException error(final String column, final String problem) {
    return new IllegalArgumentException(file + " line " + number + ", " + column + ": " + problem);
  }

  /** An error about the line as a whole. */
  IllegalArgumentException error(final String problem) {
    return new IllegalArgumentException(file + " line " + number + ": " + problem);
  }
}
