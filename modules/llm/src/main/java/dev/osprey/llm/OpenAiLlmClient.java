package dev.osprey.llm;

import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import com.openai.core.JsonValue;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageCustomToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionSystemMessageParam;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.chat.completions.ChatCompletionUserMessageParam;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * {@link LlmClient} over any OpenAI-compatible chat-completions endpoint, with the official
 * {@code openai-java} client. Only the fields every compatible server sends are read (choices'
 * message, tool calls, usage), and the answer is not validated beyond them, so servers that leave
 * out the rest (ids, timestamps) still work.
 *
 * <p>No retries: a failed call fails the tick, which is recorded, and the next tick asks again; a
 * retry with backoff inside the tick would stretch it past its interval.
 */
public final class OpenAiLlmClient implements LlmClient {
  private static final int MAX_DETAIL_CHARS = 300;

  private final LlmSettings settings;
  private final OpenAIClientAsync client;

  public OpenAiLlmClient(final LlmSettings settings) {
    this.settings = settings;
    final OpenAIOkHttpClientAsync.Builder builder = OpenAIOkHttpClientAsync.builder()
        .baseUrl(settings.baseUrl())
        .timeout(settings.requestTimeout())
        .maxRetries(0);
    if (settings.apiKey().isEmpty()) {
      // A local endpoint needs no key, but the client sends nothing without one: give it a
      // placeholder and take the header off again, so no Authorization header goes out.
      builder.apiKey("none").addInterceptor(chain -> chain.proceed(
          chain.request().newBuilder().removeHeader("Authorization").build()));
    } else {
      builder.apiKey(settings.apiKey());
    }
    this.client = builder.build();
  }

  @Override
  public CompletionStage<ModelReply> complete(
      final List<ChatTurn> conversation, final List<ToolSpec> tools) {
    final CompletableFuture<ChatCompletion> call;
    try {
      call = client.chat().completions().create(params(conversation, tools));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(failure(e));
    }
    return call
        .handle((completion, error) -> error == null
            ? reply(completion)
            : CompletableFuture.<ModelReply>failedFuture(failure(error)))
        .thenCompose(reply -> reply);
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "OpenAiLlmClient[" + settings + "]";
  }

  private ChatCompletionCreateParams params(
      final List<ChatTurn> conversation, final List<ToolSpec> tools) {
    final ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
        .model(settings.model());
    conversation.forEach(turn -> params.addMessage(message(turn)));
    tools.forEach(tool -> params.addTool(function(tool)));
    return params.build();
  }

  private static ChatCompletionMessageParam message(final ChatTurn turn) {
    return switch (turn.role()) {
      case ChatTurn.SYSTEM -> ChatCompletionMessageParam.ofSystem(
          ChatCompletionSystemMessageParam.builder().content(turn.content()).build());
      case ChatTurn.USER -> ChatCompletionMessageParam.ofUser(
          ChatCompletionUserMessageParam.builder().content(turn.content()).build());
      case ChatTurn.TOOL -> ChatCompletionMessageParam.ofTool(
          ChatCompletionToolMessageParam.builder()
              .toolCallId(turn.toolCallId())
              .content(turn.content())
              .build());
      default -> ChatCompletionMessageParam.ofAssistant(assistant(turn));
    };
  }

  private static ChatCompletionAssistantMessageParam assistant(final ChatTurn turn) {
    final ChatCompletionAssistantMessageParam.Builder message =
        ChatCompletionAssistantMessageParam.builder();
    if (turn.content() != null) {
      message.content(turn.content());
    }
    for (ToolCall call : turn.calls()) {
      message.addToolCall(ChatCompletionMessageFunctionToolCall.builder()
          .id(call.id())
          .function(ChatCompletionMessageFunctionToolCall.Function.builder()
              .name(call.name())
              .arguments(call.argumentsJson())
              .build())
          .build());
    }
    return message.build();
  }

  private static ChatCompletionFunctionTool function(final ToolSpec tool) {
    final FunctionParameters.Builder parameters = FunctionParameters.builder();
    tool.parameters()
        .forEach((key, value) -> parameters.putAdditionalProperty(key, JsonValue.from(value)));
    return ChatCompletionFunctionTool.builder()
        .function(FunctionDefinition.builder()
            .name(tool.name())
            .description(tool.description())
            .parameters(parameters.build())
            .build())
        .build();
  }

  private CompletableFuture<ModelReply> reply(final ChatCompletion completion) {
    try {
      if (completion.choices().isEmpty()) {
        throw new LlmCallException(
            "unparseable answer from " + settings.endpoint() + ": no choices");
      }
      final ChatCompletionMessage message = completion.choices().get(0).message();
      final List<ToolCall> calls = message.toolCalls().orElse(List.of()).stream()
          .map(OpenAiLlmClient::toolCall)
          .toList();
      return CompletableFuture.completedFuture(
          new ModelReply(message.content().orElse(""), calls, usage(completion)));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(failure(e));
    }
  }

  private static ToolCall toolCall(final ChatCompletionMessageToolCall call) {
    if (call.isCustom()) {
      // We offer function tools only; a custom call is passed on to be answered INVALID_TOOL_CALL.
      final ChatCompletionMessageCustomToolCall custom = call.asCustom();
      return new ToolCall(custom.id(), custom.custom().name(), custom.custom().input());
    }
    final ChatCompletionMessageFunctionToolCall function = call.asFunction();
    return new ToolCall(function.id(), function.function().name(), function.function().arguments());
  }

  /**
   * The answer's token counts. A priced model must report them: without them the user's {@code
   * max_cost_per_day_usd} could not hold. A free one may leave them out.
   */
  private TokenUsage usage(final ChatCompletion completion) {
    return completion.usage()
        .map(u -> new TokenUsage(u.promptTokens(), u.completionTokens()))
        .orElseGet(() -> {
          if (settings.priced()) {
            throw new LlmCallException("answer from " + settings.endpoint()
                + " has no usage: the tick's cost cannot be counted");
          }
          return TokenUsage.NONE;
        });
  }

  /**
   * What went wrong, for the tick's record. Service errors keep no cause: their body is the
   * endpoint's text, and that is only passed on with the key cut out.
   */
  private LlmCallException failure(final Throwable error) {
    final Throwable e = unwrap(error);
    if (e instanceof LlmCallException known) {
      return known;
    }
    if (e instanceof OpenAIServiceException service) {
      return new LlmCallException(settings.endpoint() + " answered HTTP " + service.statusCode()
          + ": " + detail(service.getMessage()));
    }
    if (e instanceof OpenAIIoException && causedBy(e, InterruptedIOException.class)) {
      return new LlmCallException(settings.endpoint() + " did not answer within "
          + settings.requestTimeout().toMillis() + " ms", e);
    }
    if (e instanceof OpenAIIoException) {
      return new LlmCallException("could not reach " + settings.endpoint() + ": "
          + detail(String.valueOf(e.getCause())), e);
    }
    if (e instanceof OpenAIInvalidDataException) {
      return new LlmCallException("unparseable answer from " + settings.endpoint() + ": "
          + detail(e.getMessage()));
    }
    return new LlmCallException(
        "call to " + settings.endpoint() + " failed: " + detail(e.toString()));
  }

  private String detail(final String text) {
    final String safe = settings.apiKey().isEmpty() ? String.valueOf(text)
        : String.valueOf(text).replace(settings.apiKey(), "<api key>");
    return safe.length() <= MAX_DETAIL_CHARS ? safe : safe.substring(0, MAX_DETAIL_CHARS) + "…";
  }

  private static Throwable unwrap(final Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static boolean causedBy(final Throwable error, final Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
