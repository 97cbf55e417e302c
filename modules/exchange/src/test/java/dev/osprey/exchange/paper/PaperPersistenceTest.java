package dev.osprey.exchange.paper;

import static dev.osprey.exchange.paper.PaperFixture.BTC;
import static dev.osprey.exchange.paper.PaperFixture.CLOCK;
import static dev.osprey.exchange.paper.PaperFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Load at start, save when changed: the helper the app runs a paper venue through. */
class PaperPersistenceTest {
  @TempDir Path dir;

  @Test
  void shouldStartFreshWithoutAFileAndWriteItOnTheFirstSave() {
    final PaperStateStore store = PaperPersistence.storeIn(dir, "paper");

    final PaperPersistence p = PaperPersistence.open(store, "paper", CLOCK, PaperFixture::venue);

    assertFalse(p.restored());
    assertFalse(Files.exists(store.file()));
    assertTrue(p.saveIfChanged());
    assertEquals(dir.resolve("paper.json"), store.file());
    assertEquals(p.venue().snapshot(), store.load().orElseThrow());
  }

  @Test
  void shouldSaveOnlyWhenTheVenueChanged() {
    final PaperStateStore store = PaperPersistence.storeIn(dir, "paper");
    final PaperPersistence p = PaperPersistence.open(store, "paper", CLOCK, PaperFixture::venue);
    p.saveIfChanged();

    assertFalse(p.saveIfChanged(), "nothing changed");
    p.venue().setQuote(BTC, PaperFixture.px("64990"), PaperFixture.px("65010"));
    assertTrue(p.saveIfChanged(), "a quote changed the venue");
    assertFalse(p.saveIfChanged(), "saved already");
    assertEquals(p.venue().snapshot(), store.load().orElseThrow());
  }

  @Test
  void shouldRestoreFromTheFileInsteadOfStartingFresh() {
    final PaperStateStore store = PaperPersistence.storeIn(dir, "paper");
    final PaperExchange busy = PaperHistory.busyVenue(new MovingClock(T0));
    store.save(busy.snapshot());
    final AtomicInteger freshCalls = new AtomicInteger();

    final PaperPersistence p =
        PaperPersistence.open(
            store, "paper", CLOCK, () -> {
              freshCalls.incrementAndGet();
              return PaperFixture.venue();
            });

    assertTrue(p.restored());
    assertEquals(0, freshCalls.get());
    assertEquals(busy.snapshot(), p.venue().snapshot());
    assertFalse(p.saveIfChanged(), "the file already holds this state");
  }

  @Test
  void shouldRefuseToStartFromACorruptFileNamingIt() throws IOException {
    final PaperStateStore store = PaperPersistence.storeIn(dir, "paper");
    Files.writeString(store.file(), "{\"format\": 1, \"venue\": ");

    final IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> PaperPersistence.open(store, "paper", CLOCK, PaperFixture::venue));

    assertTrue(e.getMessage().contains(store.file().toString()), e.getMessage());
  }

  @Test
  void shouldRefuseAFileOfAnotherVenueNamingIt() {
    final PaperStateStore store = PaperPersistence.storeIn(dir, "paper2");
    store.save(PaperFixture.venue().snapshot());

    final IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> PaperPersistence.open(store, "paper2", CLOCK, PaperFixture::venue));

    assertTrue(e.getMessage().contains(store.file().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("state of venue 'paper'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"../paper", "a/b", "", ".hidden", "x y"})
  void shouldRefuseAVenueNameThatIsNotAPlainFileName(final String name) {
    assertThrows(IllegalArgumentException.class, () -> PaperPersistence.storeIn(dir, name));
  }

  @Test
  void shouldRefuseAFreshVenueWithAnotherName() {
    final PaperStateStore store = PaperPersistence.storeIn(dir, "other");

    assertThrows(
        IllegalArgumentException.class,
        () -> PaperPersistence.open(store, "other", CLOCK, PaperFixture::venue));
  }
}
