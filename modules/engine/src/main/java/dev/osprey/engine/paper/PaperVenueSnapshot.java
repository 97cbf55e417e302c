package dev.osprey.engine.paper;

import dev.osprey.engine.CborSerializable;
import dev.osprey.exchange.paper.PaperState;

/** A paper venue entity's snapshot: the venue's saved state as of event {@code seq}. */
public record PaperVenueSnapshot(long seq, PaperState venue) implements CborSerializable {}
