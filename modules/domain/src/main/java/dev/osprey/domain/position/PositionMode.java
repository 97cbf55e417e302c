package dev.osprey.domain.position;

/**
 * How a venue nets a market's positions. Spot markets and one-way perpetuals keep one net position
 * per pair; hedge-mode perpetuals keep a long and a short position side by side.
 */
public enum PositionMode {
  ONE_WAY,
  HEDGE
}
