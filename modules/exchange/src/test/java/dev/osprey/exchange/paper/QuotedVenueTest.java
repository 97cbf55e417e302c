package dev.osprey.exchange.paper;

import static dev.osprey.exchange.paper.PaperFixture.BTC;
import static dev.osprey.exchange.paper.PaperFixture.px;

import dev.osprey.domain.order.OrderEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test on a fresh {@link PaperFixture#venue()} that records every order event, with BTC-USDT
 * quoted 64990 / 65010.
 */
abstract class QuotedVenueTest {
  PaperExchange venue;
  List<OrderEvent> events;

  @BeforeEach
  final void openVenue() {
    venue = PaperFixture.venue();
    events = PaperFixture.record(venue);
    configure(venue);
    venue.setQuote(BTC, px("64990"), px("65010"));
  }

  /** Configures markets before the first quote; nothing by default. */
  void configure(final PaperExchange venue) {}
}
