package dev.osprey.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.exchange.paper.PaperExchange;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ConnectorsTest {
  private final PaperExchange paper = new PaperExchange("paper", Clock.systemUTC());
  private final PaperExchange other = new PaperExchange("binance_paper_trade", Clock.systemUTC());

  @Test
  void shouldFindConnectorsByName() {
    final Connectors connectors = Connectors.of(paper, other);

    assertSame(paper, connectors.require("paper"));
    assertSame(other, connectors.find("binance_paper_trade").orElseThrow());
    assertTrue(connectors.find("okx").isEmpty());
    assertEquals(List.of("binance_paper_trade", "paper"), connectors.names());
  }

  @Test
  void shouldRefuseASecondConnectorWithTheSameName() {
    final Connectors connectors = Connectors.of(paper);

    assertThrows(
        IllegalArgumentException.class,
        () -> connectors.register(new PaperExchange("paper", Clock.systemUTC())));
  }

  @Test
  void shouldNameKnownConnectorsWhenOneIsMissing() {
    final Connectors connectors = Connectors.of(paper);

    final NoSuchElementException e =
        assertThrows(NoSuchElementException.class, () -> connectors.require("okx"));
    assertEquals("unknown connector 'okx'; known: [paper]", e.getMessage());
  }
}
