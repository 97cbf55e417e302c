package dev.osprey.llm;

/**
 * A call to the chat-completions endpoint failed: unreachable, timed out, an error status, or an
 * answer that cannot be read. The message names the endpoint and what happened (with the status
 * code when there was one) and never the API key.
 */
public final class LlmCallException extends RuntimeException {
  public LlmCallException(final String message, final Throwable cause) {
    super(message, cause);
  }

  public LlmCallException(final String message) {
    super(message);
  }
}
