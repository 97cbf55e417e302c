package dev.osprey.exchange;

import dev.osprey.domain.position.PositionMode;
import java.util.Objects;

/**
 * What a venue trades: spot, or perpetual contracts (leverage accepted) whose positions are
 * netted one way (one net position per pair, the default) or in hedge mode (a long and a short
 * position per pair side by side). Decides how handed-over inventory is bucketed.
 */
public record Contracts(boolean perpetual, PositionMode positionMode) {
  public static final Contracts SPOT = new Contracts(false, PositionMode.ONE_WAY);

  public Contracts {
    Objects.requireNonNull(positionMode, "position_mode");
    if (!perpetual && positionMode == PositionMode.HEDGE) {
      throw new IllegalArgumentException("position_mode HEDGE needs a perpetual venue");
    }
  }

  public static Contracts perpetual(final PositionMode positionMode) {
    return new Contracts(true, positionMode);
  }
}
