package dev.osprey.engine.topic;

import dev.osprey.engine.CborSerializable;
import java.time.Instant;

/**
 * One message published on a topic of the cluster's event bus.
 *
 * @param payloadJson the message, a JSON object as text (decimals exact)
 * @param by who published it: a user's name, or {@code agent:<id>}
 */
public record TopicEvent(String topic, String payloadJson, String by, Instant at) implements CborSerializable {}
