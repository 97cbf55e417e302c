package dev.osprey.engine;

/**
 * Marker for everything that crosses the cluster or goes to the journal: bound to Jackson CBOR in
 * {@code serialization.conf}. Pekko ships no such marker outside its own tests.
 */
public interface CborSerializable {}
