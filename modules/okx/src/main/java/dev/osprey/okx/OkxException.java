package dev.osprey.okx;

/**
 * OKX refused a request or could not be reached; {@code code} is OKX's error code when it gave one.
 */
public final class OkxException extends RuntimeException {
  private final String code;

  public OkxException(final String code, final String message) {
    super(message);
    this.code = code == null ? "" : code;
  }

  public OkxException(final String message, final Throwable cause) {
    super(message, cause);
    this.code = "";
  }

  /** OKX's code, e.g. {@code 60009} (login failed) or {@code 50011} (rate limit); empty if none. */
  public String code() {
    return code;
  }

  /** The error of a rejected WebSocket login, saying what to check. */
  static OkxException loginRejected(final String code, final String msg, final boolean demo) {
    return new OkxException(
        code,
        "OKX login rejected ("
            + code
            + " "
            + msg
            + "): check OKX_API_KEY, OKX_SECRET_KEY and "
            + "OKX_PASSPHRASE, and that the key was made for "
            + (demo ? "demo" : "live")
            + " trading (OKX_USE_DEMO="
            + demo
            + ")");
  }
}
