package dev.osprey.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.exchange.VenueOrder;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one paper venue {@code paper} that the restart and cluster tests trade on: no maker fee, a
 * 0.1 % taker fee, the default rules and one starting balance; and the calls they make on it
 * through a node's connector.
 */
final class PaperTestVenue {
  private PaperTestVenue() {}

  /** Node config listing only {@code paper}, holding {@code amount} of {@code asset}. */
  static Config holding(final String asset, final String amount) {
    return ConfigFactory.parseString(hocon(asset, amount));
  }

  /** {@link #holding} as HOCON text (a node process's config file takes it). */
  static String hocon(final String asset, final String amount) {
    return """
        osprey.paper {
          connectors = ["paper"]
          venues.paper { maker-fee = "0", taker-fee = "0.001" }
          balances = { %s = "%s" }
          random-walk.enabled = false
          state-dir = ""
          follow-interval = 200ms
        }
        """
        .formatted(asset, amount);
  }

  static void quote(final OspreyNode node, final TradingPair pair, final String bid, final String ask)
      throws Exception {
    node.paper("paper")
        .setQuote(pair, Price.of(bid), Price.of(ask), null, null)
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  static Optional<VenueOrder> order(final OspreyNode node, final String clientOrderId)
      throws Exception {
    return node.paper("paper")
        .lookup(ClientOrderId.of(clientOrderId))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  static boolean isOpen(final OspreyNode node, final String clientOrderId) {
    try {
      return order(node, clientOrderId).map(o -> o.state() == VenueOrder.State.OPEN).orElse(false);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static List<String> openOrderIds(final OspreyNode node) throws Exception {
    return node.paper("paper").openOrders().toCompletableFuture().get(30, TimeUnit.SECONDS).stream()
        .map(o -> o.request().clientOrderId().value())
        .toList();
  }
}
