package dev.osprey.agent.routine;

/**
 * An indicator was asked for over fewer candles than its period needs. The message says how many
 * are needed and how many there are, so an agent can wait or ask for a longer history.
 */
public final class NotEnoughDataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int needed;
  private final int available;

  /**
   * @param indicator the indicator and its period as the message shows it, e.g. {@code rsi(14)}
   * @param needed the fewest candles that give a value
   * @param available the candles there are
   */
  public NotEnoughDataException(final String indicator, final int needed, final int available) {
    super(indicator + " needs at least " + needed + " candles, got " + available);
    this.needed = needed;
    this.available = available;
  }

  /** The fewest candles that give a value. */
  public int needed() {
    return needed;
  }

  /** The candles there were. */
  public int available() {
    return available;
  }
}
