package dev.osprey.engine;

import org.apache.pekko.pattern.StatusReply;

/**
 * Typed errors carried through {@link StatusReply#error(String)} between entities and gateways:
 * the message is {@code KIND|code|text}, so the kind survives serialization across nodes as plain
 * text.
 */
public record EntityError(Kind kind, String code, String message) {

  /** What went wrong, as HTTP will tell it. */
  public enum Kind {
    NOT_FOUND,
    INVALID,
    DENIED,
    CONFLICT,
    UNAVAILABLE
  }

  public static <T> StatusReply<T> reply(final Kind kind, final String code, final String message) {
    return StatusReply.error(kind.name() + "|" + code + "|" + message);
  }

  /** Parses an error produced by {@link #reply}; anything else becomes UNAVAILABLE. */
  public static EntityError parse(final Throwable error) {
    final String text = error.getMessage() == null ? error.toString() : error.getMessage();
    final String[] parts = text.split("\\|", 3);
    if (parts.length == 3) {
      try {
        return new EntityError(Kind.valueOf(parts[0]), parts[1], parts[2]);
      } catch (IllegalArgumentException notOurs) {
        // fall through
      }
    }
    return new EntityError(Kind.UNAVAILABLE, "UNAVAILABLE", text);
  }

  /** A reply's value, or a failed stage carrying the entity's error. */
  public static <T> java.util.concurrent.CompletionStage<T> unwrap(final StatusReply<T> reply) {
    return reply.isSuccess()
        ? java.util.concurrent.CompletableFuture.completedFuture(reply.getValue())
        : java.util.concurrent.CompletableFuture.failedFuture(parse(reply.getError()).toException());
  }

  public GatewayException toException() {
    return new GatewayException(this);
  }

  /** A failed gateway call, with the entity's error. */
  public static final class GatewayException extends RuntimeException {
    private final EntityError error;

    public GatewayException(final EntityError error) {
      super(error.message());
      this.error = error;
    }

    public EntityError error() {
      return error;
    }
  }
}
