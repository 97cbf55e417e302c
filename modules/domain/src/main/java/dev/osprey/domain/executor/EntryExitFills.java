package dev.osprey.domain.executor;

import dev.osprey.domain.money.Quantity;

/**
 * The fills of an executor that builds one position and then closes it (position, DCA): what its
 * entry orders bought (sold), and what its close orders undid.
 */
public interface EntryExitFills {
  /** Base bought (sold) by the entry orders so far. */
  Quantity openFilled();

  /** Base the close orders undid so far. */
  Quantity closeFilled();
}
