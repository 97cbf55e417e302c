package dev.osprey.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.Executor;
import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.engine.executor.ExecutorEntity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Persisted shapes pinned in golden files ({@code src/test/resources/persisted/}): what an
 * executor snapshot of every type looks like today, and what an older release wrote. A renamed or
 * dropped field fails here, since the snapshots already in a journal could no longer be read. A
 * new field is added on purpose: run once with {@code -Dosprey.golden.write=true} and review the
 * diff of the golden files.
 */
class PersistedShapesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/persisted");
  private static final boolean WRITE = Boolean.getBoolean("osprey.golden.write");
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
  private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory())
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
  private static ActorTestKit testKit;
  private static Serialization serialization;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create(TestNodeConfig.inMemory());
    serialization = SerializationExtension.get(testKit.system().classicSystem());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  static Stream<String> executorTypes() {
    return ExecutorStates.running().keySet().stream();
  }

  private static ExecutorEntity.State snapshotOf(final String type) {
    return new ExecutorEntity.State(ExecutorStates.running().get(type), Set.of("risk"));
  }

  @ParameterizedTest
  @MethodSource("executorTypes")
  void shouldWriteEachExecutorSnapshotInTheShapeOfItsGoldenFile(final String type) throws IOException {
    final String written = JSON.writeValueAsString(CBOR.readTree(bytesOf(snapshotOf(type))));
    final Path file = GOLDEN.resolve("snapshot-" + type + ".json");
    if (WRITE) {
      Files.writeString(file, written + "\n");
    }
    assertEquals(JSON.writeValueAsString(JSON.readTree(Files.readString(file))), written);
  }

  @ParameterizedTest
  @MethodSource("executorTypes")
  void shouldReadEachGoldenSnapshotBackToTheStateItWasWrittenFrom(final String type) throws IOException {
    final Object read = read("snapshot-" + type + ".json", ExecutorEntity.State.class);
    assertEquals(snapshotOf(type), read);
  }

  /**
   * A {@code Created} event as a release before the leverage rule wrote it: leverage 0 was
   * accepted then. Today's validation refuses the config, and recovery rebuilds it anyway.
   */
  @Test
  void shouldRebuildAConfigFromAnOlderJournalThatTodaysValidationRefuses() throws IOException {
    final ExecutorEntity.Created created =
        read("created-position-before-leverage-rule.json", ExecutorEntity.Created.class);
    final PositionExecutorConfig config =
        assertInstanceOf(PositionExecutorConfig.class, created.config());
    assertEquals(0, config.leverage());

    assertFalse(config.validate().isEmpty());
    assertThrows(FieldViolation.Invalid.class, () -> Executors.create(config));
    final Executor restored = Executors.restore(config);
    assertEquals(RunnableStatus.NOT_STARTED, restored.status());
    assertEquals(config, restored.config());
  }

  private static byte[] bytesOf(final Object message) {
    return serialization.serialize(message).get();
  }

  /** The golden JSON as the CBOR bytes a journal holds, read through the configured serializer. */
  private static <T> T read(final String golden, final Class<T> type) throws IOException {
    final byte[] bytes = CBOR.writeValueAsBytes(JSON.readTree(Files.readString(GOLDEN.resolve(golden))));
    final Serializer serializer = serialization.serializerFor(type);
    final String manifest = Serializers.manifestFor(serializer, sampleOf(type));
    return type.cast(serialization.deserialize(bytes, serializer.identifier(), manifest).get());
  }

  /** The manifest of the jackson serializers is the class name; any instance gives it. */
  private static Object sampleOf(final Class<?> type) {
    return type == ExecutorEntity.State.class
        ? snapshotOf(ExecutorStates.running().keySet().iterator().next())
        : new ExecutorEntity.Created(ExecutorStates.configs().get(0), ExecutorStates.T);
  }
}
