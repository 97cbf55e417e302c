package dev.osprey.engine.readmodel;

import dev.osprey.engine.executor.ExecutorView;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;

/**
 * Stores an {@link ExecutorView} as the cluster sends it (the {@code jackson-cbor} binding of
 * {@code CborSerializable}), with the serializer id and manifest needed to read it back.
 */
final class ViewCodec {
  /** A serialized view. */
  record Encoded(int serializerId, String manifest, byte[] bytes) {}

  private final Serialization serialization;

  ViewCodec(final ActorSystem<?> system) {
    this.serialization = SerializationExtension.get(Adapter.toClassic(system));
  }

  Encoded encode(final ExecutorView view) {
    final Serializer serializer = serialization.findSerializerFor(view);
    return new Encoded(serializer.identifier(), Serializers.manifestFor(serializer, view), serializer.toBinary(view));
  }

  ExecutorView decode(final Encoded e) {
    return (ExecutorView) serialization.deserialize(e.bytes(), e.serializerId(), e.manifest()).get();
  }
}
