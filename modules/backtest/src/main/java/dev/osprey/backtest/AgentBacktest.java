package dev.osprey.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.agent.AgentDefinition;
import dev.osprey.agent.files.AgentTree;
import dev.osprey.agent.files.ImportedAgent;
import dev.osprey.agent.journal.TickLine;
import dev.osprey.agent.journal.TickOutcome;
import dev.osprey.agent.policy.Policy;
import dev.osprey.agent.policy.rules.RulePolicies;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.market.PaperTrade;
import dev.osprey.engine.agent.AgentEvent;
import dev.osprey.engine.agent.AgentFiles;
import dev.osprey.engine.agent.AgentSession;
import dev.osprey.engine.agent.ApiExecutorConfigReader;
import dev.osprey.json.ApiJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule-policy agent replayed over recorded quotes ({@code bin/osprey backtest --agent DIR}): one
 * session from the first quote to the last, ticking every {@code tick_interval} of the data's
 * clock, with its executors (and any of {@code executors.json}) on the replay's paper venues. The
 * result is the report of a backtest with an {@code agent} section, and the agent's folder of the
 * standard as the replay left it (journal and snapshots of session 1).
 */
public final class AgentBacktest {
  /** How many one-minute candles a tick observes per market: the live default. */
  static final int CANDLES = 60;

  private final ObjectMapper mapper = ApiJson.mapper();
  private final Backtest backtest = new Backtest();

  /** The outcome: the report (JSON text) and the agent's files. */
  public record Outcome(String report, AgentTree files) {}

  /**
   * @param agent the agent's folder as read ({@code agent.md}, optional {@code config.yml} and
   *     {@code learnings.md}; earlier sessions are ignored: the replay is a session of its own)
   * @param executorsJson executors to run beside the agent, or null
   * @throws dev.osprey.agent.files.AgentFileException naming the file, line and problem
   * @throws IllegalArgumentException for input a replay cannot run (an LLM policy, bad CSV)
   */
  public Outcome run(final AgentTree agent, final String marketCsv, final String connectorsJson,
      final String actionsCsv, final String executorsJson) throws IOException {
    final Map<String, Policy> policies = RulePolicies.builtIn();
    final Set<String> known = new HashSet<>(policies.keySet());
    known.add("llm");
    final ImportedAgent imported = agent.importAgent(known);
    final AgentDefinition definition = imported.inForce();
    final Policy policy = policies.get(definition.policy());
    if (policy == null) {
      throw new IllegalArgumentException("agent.md: policy " + definition.policy()
          + " cannot run in a backtest: a replay runs the built-in deterministic policies ("
          + String.join(", ", policies.keySet())
          + "), which decide the same way every time");
    }
    final ReplayInputs in = ReplayInputs.parse(mapper, marketCsv, connectorsJson, actionsCsv);
    final List<ExecutorConfig> executors = backtest.executors(executorsJson, in);
    final Set<String> venues = in.venueNames();
    final ReplayClock clock = new ReplayClock(in.start());
    final AgentReplay replay = new AgentReplay(definition, imported.learnings().active(), policy, clock,
        new ReplayMarkets(clock, venues::contains),
        new ApiExecutorConfigReader(mapper, in.fees(), venues::contains, clock::instant), CANDLES);
    replay.start(in.start());
    final ReplayEngine.Result result =
        new ReplayEngine(Executors.standard(), in.venues()).run(executors, in.rows(), in.actions(), replay);
    replay.stop(result.end());

    final List<ExecutorReport> reports = new ArrayList<>();
    for (ReplayEngine.Run run : result.runs()) {
      if (definition.slug().equals(run.config().controllerId())) {
        reports.add(run.executor().report(result.viewOf(run.config()), result.end()));
      }
    }
    final AgentTree files = AgentFiles.tree(replay.state(), AgentReplay.numbers(reports),
        notes(definition, in, venues));
    final Map<String, Object> report = backtest.report(result, in);
    report.put("agent", summary(replay, files));
    return new Outcome(backtest.render(report), files);
  }

  /** What the journal's Summary says about the replay: where it ran and on which venues. */
  private static List<String> notes(final AgentDefinition d, final ReplayInputs in, final Set<String> venues) {
    final List<String> notes = new ArrayList<>();
    notes.add("backtest: replayed over " + in.rows().size() + " recorded quotes from " + in.start() + " to "
        + in.end());
    for (String c : d.connectors()) {
      final String venue = PaperTrade.resolve(c, venues::contains);
      if (!venue.equals(c)) {
        notes.add(c + " runs on " + venue + " (paper): the recorded quotes are " + venue + "'s");
      } else if (!venues.contains(c)) {
        notes.add(c + " has no recorded quotes: nothing of it was observed");
      }
    }
    return notes;
  }

  private static Map<String, Object> summary(final AgentReplay replay, final AgentTree files) {
    final AgentSession session = replay.state().current().orElseThrow();
    final Map<TickOutcome, Integer> outcomes = new EnumMap<>(TickOutcome.class);
    for (TickLine t : session.ticks()) {
      outcomes.merge(t.outcome(), 1, Integer::sum);
    }
    int refused = 0;
    for (AgentEvent e : replay.events()) {
      if (e instanceof AgentEvent.ActionRefused) {
        refused++;
      }
    }
    final Map<String, Object> ticks = new LinkedHashMap<>();
    ticks.put("total", session.ticks().size());
    for (TickOutcome o : TickOutcome.values()) {
      ticks.put(o.name().toLowerCase(), outcomes.getOrDefault(o, 0));
    }
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", replay.agentId());
    m.put("policy", replay.state().spec().policy());
    m.put("session", session.number());
    m.put("ticks", ticks);
    m.put("executors_created", session.executors().size());
    m.put("actions_refused", refused);
    m.put("files", new ArrayList<>(files.files().keySet()));
    return m;
  }
}
