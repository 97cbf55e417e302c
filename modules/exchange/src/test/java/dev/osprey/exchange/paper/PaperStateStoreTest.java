package dev.osprey.exchange.paper;

import static dev.osprey.exchange.paper.PaperFixture.BTC;
import static dev.osprey.exchange.paper.PaperFixture.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.OrderType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON file of a paper venue: format, atomic replacement, and refusing what it cannot read. */
class PaperStateStoreTest {
  @TempDir Path dir;

  private static PaperState small() {
    final PaperExchange venue =
        new PaperExchange(
            "paper", PaperFixture.CLOCK, PaperFixture.FEES,
            Map.of("USDT", new BigDecimal("1000"), "BTC", new BigDecimal("0.5")));
    venue.setQuote(BTC, PaperFixture.px("64990"), PaperFixture.px("65010"), null,
        PaperFixture.qty("2"));
    venue.place(PaperFixture.request("b-1", BTC, Side.BUY, OrderType.LIMIT, "0.01", "64000"));
    venue.place(PaperFixture.request("s-1", BTC, Side.SELL, OrderType.MARKET, "0.01", null));
    return venue.snapshot();
  }

  private List<Path> filesIn() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return new ArrayList<>(s.map(dir::relativize).sorted().toList());
    }
  }

  @Test
  void shouldWriteTheDocumentedFormat() {
    assertEquals("""
        {
          "format" : 1,
          "venue" : "paper",
          "defaults" : {
            "maker_fee" : 0.001,
            "taker_fee" : 0.002,
            "rules" : {
              "min_order_size" : 0.001,
              "min_notional" : 1,
              "price_increment" : 0.01,
              "base_increment" : 0.001
            }
          },
          "markets" : [ {
            "pair" : "BTC-USDT",
            "config" : {
              "maker_fee" : 0.001,
              "taker_fee" : 0.002,
              "rules" : {
                "min_order_size" : 0.001,
                "min_notional" : 1,
                "price_increment" : 0.01,
                "base_increment" : 0.001
              }
            },
            "quote" : {
              "bid" : 64990,
              "ask" : 65010,
              "ask_size" : 2,
              "timestamp" : "2026-01-05T10:00:00Z",
              "ask_left" : 2
            }
          } ],
          "balances" : {
            "total" : {
              "BTC" : 0.49,
              "USDT" : 1648.60020
            },
            "locked" : {
              "BTC" : 0.00,
              "USDT" : 640.64000
            }
          },
          "orders" : [ {
            "request" : {
              "client_order_id" : "b-1",
              "connector_name" : "paper",
              "trading_pair" : "BTC-USDT",
              "side" : "BUY",
              "order_type" : "LIMIT",
              "amount" : 0.01,
              "price" : 64000,
              "position_action" : "NIL"
            },
            "exchange_order_id" : "paper-O1",
            "sequence" : 1,
            "state" : "OPEN",
            "unit_reserve" : 64064.000,
            "reserved" : 640.64000,
            "remaining" : 0.01,
            "fills" : [ ],
            "updated_at" : "2026-01-05T10:00:00Z"
          }, {
            "request" : {
              "client_order_id" : "s-1",
              "connector_name" : "paper",
              "trading_pair" : "BTC-USDT",
              "side" : "SELL",
              "order_type" : "MARKET",
              "amount" : 0.01,
              "position_action" : "NIL"
            },
            "exchange_order_id" : "paper-O2",
            "sequence" : 2,
            "state" : "FILLED",
            "unit_reserve" : 1,
            "reserved" : 0.00,
            "remaining" : 0,
            "fills" : [ {
              "trade_id" : "paper-T1",
              "price" : 64990,
              "amount" : 0.01,
              "fee_quote" : 1.29980,
              "maker" : false,
              "timestamp" : "2026-01-05T10:00:00Z"
            } ],
            "updated_at" : "2026-01-05T10:00:00Z"
          } ],
          "counters" : {
            "orders" : 2,
            "trades" : 1,
            "arrivals" : 2
          }
        }""", PaperStateStore.toJson(small()));
  }

  @Test
  void shouldReadNothingWhenThereIsNoFileYet() throws IOException {
    final PaperStateStore store = new PaperStateStore(dir.resolve("sub").resolve("paper.json"));

    assertEquals(Optional.empty(), store.load());
    assertEquals(List.of(), filesIn());
  }

  @Test
  void shouldReplaceTheFileAndLeaveNoTemporaryFileBehind() throws IOException {
    final PaperStateStore store = new PaperStateStore(dir.resolve("paper.json"));
    store.save(small());
    final PaperExchange busy = PaperHistory.busyVenue(new MovingClock(T0));

    store.save(busy.snapshot());

    assertEquals(busy.snapshot(), store.load().orElseThrow());
    assertEquals(List.of(Path.of("paper.json")), filesIn());
  }

  @Test
  void shouldKeepThePreviousFileWhenASaveFailsBeforeTheRename() throws IOException {
    final Path file = dir.resolve("paper.json");
    new PaperStateStore(file).save(small());
    final byte[] before = Files.readAllBytes(file);
    final List<Path> sources = new ArrayList<>();
    final PaperStateStore crashing =
        new PaperStateStore(
            file,
            (source, target) -> {
              sources.add(source);
              throw new IOException("disk gone");
            });

    final UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () -> crashing.save(PaperHistory.busyVenue(new MovingClock(T0)).snapshot()));

    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(small(), crashing.load().orElseThrow());
    assertEquals(dir, sources.get(0).getParent(), "the new file is written next to the old one");
    assertEquals(List.of(Path.of("paper.json")), filesIn());
  }

  @Test
  void shouldRemoveWhatAnInterruptedSaveLeftBehind() throws IOException {
    final PaperStateStore store = new PaperStateStore(dir.resolve("paper.json"));
    store.save(small());
    Files.writeString(dir.resolve("paper.json.123.tmp"), "{ \"format\" : 1, \"ven");
    Files.writeString(dir.resolve("other.json.1.tmp"), "not ours");

    assertEquals(small(), store.load().orElseThrow());
    assertEquals(List.of(Path.of("other.json.1.tmp"), Path.of("paper.json")), filesIn());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "garbage             | not json at all                 | Unrecognized token",
        "empty               | ''                              | No content",
        "another layout      | '{\"format\" : 2}'              | unsupported paper state format 2",
        "no layout           | '{}'                            | format",
        "missing venue       | '{\"format\" : 1}'              | venue is required",
      })
  void shouldRefuseAFileThatIsNotAPaperStateNamingTheFile(
      final String name, final String content, final String reason) throws IOException {
    final Path file = dir.resolve("paper.json");
    Files.writeString(file, content, StandardCharsets.UTF_8);

    final IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new PaperStateStore(file).load());

    assertTrue(e.getMessage().contains("paper state file " + file), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void shouldRefuseAFieldItDoesNotKnowNamingWhere() throws IOException {
    final Path file = dir.resolve("paper.json");
    Files.writeString(
        file,
        PaperStateStore.toJson(small())
            .replace("\"sequence\" : 2,", "\"sequence\" : 2, \"colour\" : \"red\","));

    final IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new PaperStateStore(file).load());

    assertTrue(e.getMessage().contains("Unrecognized field \"colour\""), e.getMessage());
    assertTrue(e.getMessage().contains("orders[1].colour"), e.getMessage());
  }

  @Test
  void shouldRefuseATruncatedFile() throws IOException {
    final Path file = dir.resolve("paper.json");
    final String whole = PaperStateStore.toJson(small());
    Files.writeString(file, whole.substring(0, whole.length() / 2));

    final IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new PaperStateStore(file).load());

    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertFalse(e.getMessage().contains("null"), e.getMessage());
  }
}
