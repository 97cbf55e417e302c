package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An open server-sent event stream ({@code GET /topics/{name}/events}, {@code GET /cluster/events})
 * on a plain socket (so that closing it closes the connection at once, as a client going away
 * does): its event lines as they arrive.
 */
final class EventStream implements AutoCloseable {
  final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  final Socket socket;

  EventStream(final HttpNode node, final String topic, final String authorization) throws Exception {
    this(authorization, node, "/topics/" + topic + "/events");
  }

  /** The stream at {@code path}. */
  EventStream(final String authorization, final HttpNode node, final String path) throws Exception {
    final URI base = URI.create(node.baseUri());
    socket = new Socket(base.getHost(), base.getPort());
    final Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
    out.write("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: "
        + authorization + "\r\nAccept: text/event-stream\r\n\r\n");
    out.flush();
    final BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("HTTP/1.1 200 OK", in.readLine());
    final Thread reader = new Thread(() -> {
      try {
        in.lines().forEach(lines::add);
      } catch (java.io.UncheckedIOException closed) {
        // the test closed the socket
      }
    }, "sse-" + path);
    reader.setDaemon(true);
    reader.start();
  }

  /** The next {@code data:} or {@code event:} line (headers, chunk sizes and keep-alives skipped). */
  String next() throws InterruptedException {
    while (true) {
      final String line = lines.poll(10, TimeUnit.SECONDS);
      assertNotNull(line, "no event within 10 s");
      if (line.startsWith("data:") || line.startsWith("event:") || line.startsWith("Content-Type:")) {
        return line;
      }
    }
  }

  /** The next message: its {@code data:} line as JSON. */
  com.fasterxml.jackson.databind.JsonNode nextData() throws Exception {
    while (true) {
      final String line = next();
      if (line.startsWith("data:")) {
        return HttpNode.json(line.substring("data:".length()));
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
