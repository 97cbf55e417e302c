package dev.osprey.testkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI chat-completions endpoint on 127.0.0.1 (a free port) that answers from a script:
 * {@code POST /v1/chat/completions} gets the next scripted answer, and every request is kept for
 * the test to inspect. An exhausted script answers 500.
 */
public final class StubChatServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request as received: its Authorization header and its JSON body. */
  public record Request(String authorization, JsonNode body) {
    /** The request's messages, in order. */
    public List<JsonNode> messages() {
      final List<JsonNode> all = new java.util.ArrayList<>();
      body.path("messages").forEach(all::add);
      return all;
    }

    /** The roles of its messages, in order. */
    public List<String> roles() {
      return messages().stream().map(m -> m.path("role").asText()).toList();
    }
  }

  private interface Answer {
    void send(HttpExchange exchange) throws IOException, InterruptedException;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private int ids;

  public StubChatServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** The base URL of this server, as an LLM policy is configured with it. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Next answer: the model calls one tool, with {@code argumentsJson} verbatim. */
  public StubChatServer thenToolCall(final String tool, final String argumentsJson, final long promptTokens,
      final long completionTokens) {
    final ObjectNode call = JSON.createObjectNode();
    call.put("id", "call_" + (++ids));
    call.put("type", "function");
    call.putObject("function").put("name", tool).put("arguments", argumentsJson);
    final ObjectNode message = JSON.createObjectNode().put("role", "assistant").putNull("content");
    message.putArray("tool_calls").add(call);
    return thenJson(200, completion(message, "tool_calls", promptTokens, completionTokens).toString());
  }

  /** Next answer: the model's final text. */
  public StubChatServer thenText(final String text, final long promptTokens, final long completionTokens) {
    final ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", text);
    return thenJson(200, completion(message, "stop", promptTokens, completionTokens).toString());
  }

  /** Next answer: {@code status} with {@code body} as it is. */
  public StubChatServer thenJson(final int status, final String body) {
    script.add(exchange -> send(exchange, status, body));
    return this;
  }

  /** Next answer: none until the server closes (the client must time out). */
  public StubChatServer thenSilence() {
    script.add(exchange -> {
      closed.await();
      exchange.close();
    });
    return this;
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(final HttpExchange exchange) throws IOException {
    try (exchange) {
      final JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      requests.add(new Request(exchange.getRequestHeaders().getFirst("Authorization"), body));
      final Answer answer = script.poll();
      if (answer == null) {
        send(exchange, 500, "{\"error\":{\"message\":\"the stub's script is exhausted\"}}");
        return;
      }
      answer.send(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ObjectNode completion(final ObjectNode message, final String finishReason,
      final long promptTokens, final long completionTokens) {
    final ObjectNode completion = JSON.createObjectNode()
        .put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", 0).put("model", "stub");
    final ArrayNode choices = completion.putArray("choices");
    choices.addObject().put("index", 0).put("finish_reason", finishReason).set("message", message);
    completion.putObject("usage")
        .put("prompt_tokens", promptTokens)
        .put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens);
    return completion;
  }

  private static void send(final HttpExchange exchange, final int status, final String body) throws IOException {
    final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
