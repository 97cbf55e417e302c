package dev.osprey.bench.report;

import java.util.Locale;

/** How figures are written in the tables: grouped thousands, a fixed number of decimals. */
public final class Figures {
  private Figures() {}

  public static String count(final double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  public static String ms(final double nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  public static String ratio(final double figure, final double baseline) {
    return baseline <= 0 ? "—" : String.format(Locale.ROOT, "%.3f", figure / baseline);
  }

  public static String decimals(final double value, final int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** "met" or "not met", for the goals column. */
  public static String met(final boolean met) {
    return met ? "met" : "**not met**";
  }
}
