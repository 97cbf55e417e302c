package dev.osprey.agent.routine;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Sends webhook POSTs. Webhook URLs commonly carry a secret token in their path (Slack, Discord),
 * and bodies may carry positions: implementations never log either, and name a target in messages
 * by its {@link #origin} only.
 */
public interface WebhookSender {
  /**
   * POSTs {@code body} as {@code application/json} and waits for the answer.
   *
   * @param url an absolute http or https URL
   * @param body the request body, sent as UTF-8
   * @return the HTTP status code of the answer, whatever it is
   * @throws IllegalArgumentException when {@code url} is not http or https
   * @throws java.io.UncheckedIOException when no answer came (refused, timed out, interrupted)
   */
  int post(URI url, String body);

  /**
   * Parses a webhook URL and checks it is one.
   *
   * @param text the URL as a caller wrote it
   * @return the URL
   * @throws IllegalArgumentException with a rule phrased to follow the field name
   */
  static URI httpUrl(final String text) {
    try {
      return requireHttp(new URI(text.trim()));
    } catch (URISyntaxException notAUri) {
      throw new IllegalArgumentException("must be an absolute http or https URL", notAUri);
    }
  }

  /**
   * Checks that {@code url} is absolute, http or https, with a host: other schemes ({@code file:},
   * {@code ftp:}, {@code jar:}) must never be reachable through a routine.
   *
   * @return {@code url}
   * @throws IllegalArgumentException when it is not
   */
  static URI requireHttp(final URI url) {
    final String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new IllegalArgumentException("must be an absolute http or https URL");
    }
    return url;
  }

  /** {@code scheme://host[:port]} of a URL: how messages may name it without leaking its path. */
  static String origin(final URI url) {
    final String port = url.getPort() >= 0 ? ":" + url.getPort() : "";
    return url.getScheme() + "://" + url.getHost() + port;
  }
}
