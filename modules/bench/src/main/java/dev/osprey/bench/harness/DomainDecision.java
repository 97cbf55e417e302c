package dev.osprey.bench.harness;

import dev.osprey.bench.report.Figures;
import dev.osprey.bench.report.ResultTable;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/** The domain decision, measured by JMH ({@link DecisionBenchmark}). */
public final class DomainDecision extends Harness {
  private static final double GOAL_NS = 200;

  public DomainDecision() {
    super(new About("decision", "Domain decision (JMH)", """
        JMH 1.37 (`DecisionBenchmark`): one position executor holding a position bought at market
        (barriers ±50 % away) evaluates one quote, `decide(MarketChanged)` on one of two alternating
        books: the pure domain step every live decision and every replay evaluation runs. Sample
        time mode (each sampled call timed alone), one fork, the median and p99 of the samples,
        and the average time mode's score beside it."""));
  }

  @Override
  public ResultTable run(final boolean smoke) throws Exception {
    final Result<?> sample = jmh(Mode.SampleTime, smoke).getPrimaryResult();
    final Result<?> average = jmh(Mode.AverageTime, smoke).getPrimaryResult();
    final double median = sample.getStatistics().getPercentile(50);
    return new ResultTable("Figure", "Median", "p99", "Average", "Goal", "Met")
        .row("position executor evaluating one quote", Figures.decimals(median, 0) + " ns",
            Figures.decimals(sample.getStatistics().getPercentile(99), 0) + " ns",
            Figures.decimals(average.getScore(), 0) + " ns", "≤ 200 ns median", Figures.met(median <= GOAL_NS))
        .note("Sampled calls carry the timer's own cost (tens of ns): the average is the tighter figure.");
  }

  private static RunResult jmh(final Mode mode, final boolean smoke) throws Exception {
    final Options options = new OptionsBuilder()
        .include(DecisionBenchmark.class.getName())
        .mode(mode)
        .timeUnit(TimeUnit.NANOSECONDS)
        .forks(smoke ? 0 : 1)
        .warmupIterations(smoke ? 1 : 3)
        .warmupTime(TimeValue.seconds(smoke ? 1 : 2))
        .measurementIterations(smoke ? 1 : 5)
        .measurementTime(TimeValue.seconds(smoke ? 1 : 2))
        .jvmArgs("-Xmx512m")
        .build();
    final Collection<RunResult> results = new Runner(options).run();
    return results.iterator().next();
  }
}
