package dev.osprey.llm;

import dev.osprey.agent.policy.AgentTools;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.agent.policy.TickContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One tick's exchange with the model: ask, run the tools it calls (one after another, in its
 * order), answer each call with its result, and ask again, until it answers without tool calls or
 * the rounds run out. Used once; its steps run one after another (each starts when the previous
 * stage completed), so its fields need no locking.
 */
final class TickConversation {
  private static final int MAX_SUMMARY_CHARS = 200;

  private final LlmSettings settings;
  private final LlmClient client;
  private final List<ChatTurn> replayed;
  private final ToolCallRunner runner;
  private final List<ChatTurn> added = new ArrayList<>();
  private TokenUsage usage = TokenUsage.NONE;

  /** What a finished tick leaves: the turns to store and the policy's outcome. */
  record Transcript(List<ChatTurn> newTurns, PolicyOutcome outcome) {}

  /**
   * @param history the replayed part of the session's conversation, starting at a user turn
   */
  TickConversation(
      final LlmSettings settings, final LlmClient client, final TickContext tick,
      final AgentTools tools, final List<ChatTurn> history) {
    this.settings = settings;
    this.client = client;
    this.runner = new ToolCallRunner(tick.observation(), tools);
    this.replayed = new ArrayList<>();
    replayed.add(ChatTurn.system(TickPrompt.system(tick.definition())));
    replayed.addAll(history);
    added.add(ChatTurn.user(TickPrompt.user(tick)));
  }

  CompletionStage<Transcript> run() {
    return round(1);
  }

  private CompletionStage<Transcript> round(final int round) {
    return client.complete(conversation(), ToolCatalog.ALL).thenCompose(reply -> {
      usage = usage.plus(reply.usage());
      added.add(reply.turn());
      if (reply.toolCalls().isEmpty()) {
        return CompletableFuture.completedFuture(answered(reply.content()));
      }
      return runAll(reply.toolCalls()).thenCompose(v -> round < settings.maxToolRounds()
          ? round(round + 1)
          : CompletableFuture.completedFuture(outOfRounds(reply.content())));
    });
  }

  private CompletionStage<Void> runAll(final List<ToolCall> calls) {
    CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
    for (ToolCall call : calls) {
      chain = chain.thenCompose(v -> runner.run(call))
          .thenAccept(result -> added.add(ChatTurn.tool(call.id(), LlmJson.write(result.toMap()))));
    }
    return chain;
  }

  private List<ChatTurn> conversation() {
    final List<ChatTurn> all = new ArrayList<>(replayed);
    all.addAll(added);
    return all;
  }

  private Transcript answered(final String answer) {
    final String summary =
        answer.isBlank() ? "The model ended the tick without a word." : firstLine(answer);
    return transcript(summary, answer.isBlank() ? summary : answer);
  }

  private Transcript outOfRounds(final String lastText) {
    final String summary = "Stopped after " + settings.maxToolRounds()
        + " tool rounds without a final answer from the model.";
    return transcript(summary, lastText.isBlank() ? summary : summary + "\n\n" + lastText);
  }

  private Transcript transcript(final String summary, final String response) {
    final PolicyOutcome outcome = new PolicyOutcome(summary, runner.actions(),
        usage.costUsd(
            settings.inputPricePerMillionTokensUsd(), settings.outputPricePerMillionTokensUsd()),
        response);
    return new Transcript(List.copyOf(added), outcome);
  }

  /** The first line with text, cut to what the journal's Ticks section holds. */
  static String firstLine(final String text) {
    final String line = text.strip().lines().findFirst().orElse("").strip();
    return line.length() <= MAX_SUMMARY_CHARS
        ? line
        : line.substring(0, MAX_SUMMARY_CHARS - 1) + "…";
  }
}
