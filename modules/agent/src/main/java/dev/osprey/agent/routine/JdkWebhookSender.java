package dev.osprey.agent.routine;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link WebhookSender} on the JDK's {@link HttpClient}. Blocks the calling thread until the
 * answer or the timeout, so actors call it off their own thread (for example through {@code
 * pipeToSelf} on a blocking dispatcher).
 *
 * <p>Redirects are not followed: a webhook that answers 3xx reports that status, rather than the
 * body being re-sent to wherever the redirect points. The answer's body is discarded unread.
 */
public final class JdkWebhookSender implements WebhookSender {
  /** Connect and answer timeout unless the constructor says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client;
  private final Duration timeout;

  /** A sender with the {@link #DEFAULT_TIMEOUT}. */
  public JdkWebhookSender() {
    this(DEFAULT_TIMEOUT);
  }

  /**
   * @param timeout how long to wait for the connection, and again for the answer
   */
  public JdkWebhookSender(final Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public int post(final URI url, final String body) {
    WebhookSender.requireHttp(url);
    final HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException failed) {
      // the cause's own message stays in the chain for debugging; ours names the origin only
      throw new UncheckedIOException(
          "webhook POST to " + WebhookSender.origin(url) + " failed: "
              + failed.getClass().getSimpleName(),
          failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      final var cause = new InterruptedIOException("interrupted");
      cause.initCause(interrupted);
      throw new UncheckedIOException(
          "webhook POST to " + WebhookSender.origin(url) + " was interrupted", cause);
    }
  }
}
