package dev.osprey.domain;

/**
 * An enum that carries the reference's numeric values: its constants are declared in the
 * reference's order and the code of each is its position counting from 1, as the reference
 * numbers them. Configs written for the reference may send the name or the code ({@link
 * EnumParser} accepts both). Reordering the constants would change the codes.
 */
public interface ReferenceCoded {
  /** Every enum has it: {@link Enum#ordinal()}. */
  int ordinal();

  /** The reference's numeric value of this constant. */
  default int code() {
    return ordinal() + 1;
  }
}
