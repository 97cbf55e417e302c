package dev.osprey.domain.position;

/** Direction of a net position as hummingbot-api reports it ({@code position_side}). */
public enum PositionSide {
  LONG,
  SHORT,
  FLAT
}
