package dev.osprey.engine.paper;

import dev.osprey.domain.market.TopOfBook;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything a node reads of a paper venue without asking it, as of event {@code seq}: its
 * markets, their last quotes and the available balances. Sent whole to a node that starts or fell
 * too far behind for the updates it missed to be sent again.
 */
public record PaperVenueReplica(
    long seq,
    List<PaperVenueUpdate.Listing> markets,
    List<TopOfBook> quotes,
    Map<String, BigDecimal> balances) {

  public PaperVenueReplica {
    markets = List.copyOf(markets);
    quotes = List.copyOf(quotes);
    balances = Map.copyOf(balances);
  }
}
