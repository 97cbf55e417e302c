package dev.osprey.agent.files;

import dev.osprey.agent.journal.DecisionLine;
import dev.osprey.agent.journal.ExecutorLine;
import dev.osprey.agent.journal.SessionJournal;
import dev.osprey.agent.journal.TickLine;
import dev.osprey.agent.journal.TickOutcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session's {@code journal.md}: sections Summary, Decisions, Ticks and Executors, one line per
 * entry in the line formats of the reference (Condor), with seconds in the times and the tick's
 * outcome and the executor's fees added. Amounts have 2 decimals, LLM costs 4, rounded half-even.
 */
public final class JournalMd {
  /** A tick's summary is cut to this many characters, as the reference does. */
  public static final int MAX_SUMMARY_LENGTH = 200;

  private static final Pattern TICK_LINE = Pattern.compile("- tick#(\\d+) \\|.*");

  private JournalMd() {}

  /** The journal.md text of a session. */
  public static String render(final SessionJournal j) {
    final StringBuilder b = new StringBuilder();
    b.append("# Journal: ").append(MdFormat.oneLine(j.agentName()))
        .append(", session ").append(j.session()).append("\n\n");
    b.append("## Summary\n");
    summary(j).forEach(line -> b.append("- ").append(line).append('\n'));
    b.append("\n## Decisions\n");
    j.decisions().forEach(d -> b.append(decision(d)).append('\n'));
    b.append("\n## Ticks\n");
    j.ticks().forEach(t -> b.append(tick(t)).append('\n'));
    b.append("\n## Executors\n");
    j.executors().forEach(e -> b.append(executor(e)).append('\n'));
    return b.toString();
  }

  /**
   * The tick numbers of a journal's Ticks section, in the order they are listed (so a tick
   * written twice shows twice).
   */
  public static List<Long> tickNumbers(final String text) {
    final List<Long> ticks = new ArrayList<>();
    for (MarkdownSections.Section s : MarkdownSections.split(text)) {
      if (s.headingLine() > 0 && s.title().equals("Ticks")) {
        for (String line : s.lines()) {
          final Matcher m = TICK_LINE.matcher(line);
          if (m.matches()) {
            ticks.add(Long.parseLong(m.group(1)));
          }
        }
      }
    }
    return ticks;
  }

  private static List<String> summary(final SessionJournal j) {
    final List<ExecutorLine> open = j.executors().stream().filter(ExecutorLine::open).toList();
    final List<String> lines = new ArrayList<>();
    lines.add("agent: " + MdFormat.oneLine(j.agentName()));
    lines.add("session: " + j.session());
    lines.add("status: " + j.status());
    lines.add("started: " + MdFormat.seconds(j.startedAt()));
    lines.add("ended: " + j.endedAt().map(MdFormat::seconds).orElse("-"));
    lines.add("ticks: " + j.ticks().size()
        + " (ok " + count(j.ticks(), TickOutcome.OK)
        + ", blocked " + count(j.ticks(), TickOutcome.BLOCKED)
        + ", failed " + count(j.ticks(), TickOutcome.FAILED) + ")");
    lines.add("net_pnl: " + MdFormat.usd(sum(j.executors(), ExecutorLine::netPnlQuote), 2));
    lines.add("fees: " + MdFormat.usd(sum(j.executors(), ExecutorLine::feesQuote), 2));
    lines.add("volume: " + MdFormat.usd(sum(j.executors(), ExecutorLine::volumeQuote), 2));
    lines.add("exposure: " + MdFormat.usd(sum(open, ExecutorLine::amountQuote), 2));
    lines.add("open_executors: " + open.size());
    lines.add("llm_cost: " + MdFormat.usd(sum(j.ticks(), TickLine::costUsd), 4));
    j.notes().forEach(note -> lines.add(MdFormat.oneLine(note)));
    return lines;
  }

  /** {@code - tick#3 | 2026-03-27 14:30:05 | ok | cost=$0.0012 | actions=2 | summary}. */
  private static String tick(final TickLine t) {
    return "- tick#" + t.tick()
        + " | " + MdFormat.seconds(t.at())
        + " | " + t.outcome().name().toLowerCase(Locale.ROOT)
        + " | cost=" + MdFormat.usd(t.costUsd(), 4)
        + " | actions=" + t.actions()
        + " | " + MdFormat.truncate(MdFormat.oneLine(t.summary()), MAX_SUMMARY_LENGTH);
  }

  /** {@code - tick#3 | 2026-03-27 14:30:05 | create_executor -- grid SOL-USDC ...}. */
  private static String decision(final DecisionLine d) {
    return "- tick#" + d.tick()
        + " | " + MdFormat.seconds(d.at())
        + " | " + MdFormat.oneLine(d.action()) + " -- " + MdFormat.oneLine(d.detail());
  }

  /**
   * {@code - executor=ex1 | type=grid | binance_perpetual SOL-USDC BUY | amount=$100.00 |
   * created=2026-03-27 14:30:05 | status=open | pnl=1.25 | fees=0.10 | volume=200.00}, then
   * {@code | close_type=TAKE_PROFIT} once it closed with one.
   */
  private static String executor(final ExecutorLine e) {
    final String line = "- executor=" + e.executorId()
        + " | type=" + e.type()
        + " | " + e.connector() + " " + e.tradingPair() + " " + e.side()
        + " | amount=" + MdFormat.usd(e.amountQuote(), 2)
        + " | created=" + MdFormat.seconds(e.created())
        + " | status=" + (e.open() ? "open" : "closed")
        + " | pnl=" + MdFormat.decimal(e.netPnlQuote(), 2)
        + " | fees=" + MdFormat.decimal(e.feesQuote(), 2)
        + " | volume=" + MdFormat.decimal(e.volumeQuote(), 2);
    final boolean closeType = e.closeType() != null && !e.closeType().isEmpty();
    return closeType ? line + " | close_type=" + e.closeType() : line;
  }

  private static long count(final List<TickLine> ticks, final TickOutcome outcome) {
    return ticks.stream().filter(t -> t.outcome() == outcome).count();
  }

  private static <T> BigDecimal sum(final List<T> items, final Function<T, BigDecimal> amount) {
    return items.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
