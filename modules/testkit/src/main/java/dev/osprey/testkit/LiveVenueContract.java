package dev.osprey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.exchange.VenueOrder;
import dev.osprey.exchange.venue.VenueConnector;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a live connector's integration test checks against its venue's test environment (Binance's
 * spot testnet, OKX's demo trading), whatever the venue: it reads BTC-USDT's trading rules and top
 * of book, and places a post-only buy far below the market (it never fills), finds it by client
 * order id and cancels it. Each venue's test connects (refusing production), says how far below
 * and how much, and adds its own fill test. One connector per test class, hence one test instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LiveVenueContract<C extends VenueConnector> {
  protected static final TradingPair PAIR = TradingPair.parse("BTC-USDT");

  /** Every order event of the connector. */
  protected final OrderEventProbe events = new OrderEventProbe();

  private final String run = Long.toString(System.currentTimeMillis(), 36);
  protected C venue;

  /**
   * The connector on the venue's test environment, not started; refuses production (see {@link
   * #requireTestEnvironment}).
   */
  protected abstract C connector() throws Exception;

  /**
   * Refuses to trade anywhere but the venue's test environment: these tests place real orders.
   *
   * @param test whether the config selects the test environment
   * @param environment the test environment's name, e.g. {@code demo trading}
   * @param flag the variable that selected production
   */
  protected void requireTestEnvironment(
      final boolean test, final String environment, final String flag) {
    if (!test) {
      throw new IllegalStateException(
          getClass().getSimpleName()
              + " trades: it runs against "
              + environment
              + " only (unset "
              + flag
              + ")");
    }
  }

  /** The resting buy's price as a fraction of the bid. */
  protected abstract String farBelow();

  /** The resting buy's size at {@code price}. */
  protected abstract BigDecimal restingSize(TradingRules rules, Price price);

  @BeforeAll
  void connect() throws Exception {
    venue = connector();
    venue.subscribeOrderEvents(events);
    await(venue.start());
  }

  @AfterAll
  void close() {
    if (venue != null) {
      venue.close();
    }
    closed();
  }

  /** After the connector closed: stops what it ran on. */
  protected void closed() {}

  /** Order {@code n} of this run, its executor id the test's name in kebab case and the run. */
  protected ClientOrderId id(final int n) {
    final String test = getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2");
    return ClientOrderId.forExecutor(test.toLowerCase(Locale.ROOT) + "-" + run, n);
  }

  protected OrderRequest order(
      final ClientOrderId id,
      final Side side,
      final OrderType type,
      final BigDecimal qty,
      final Price price) {
    return new OrderRequest(
        id, venue.name(), PAIR, side, type, Quantity.of(qty), price, PositionAction.NIL);
  }

  /** Waits (up to 30 s: a real venue over the internet) for {@code stage}. */
  protected static <T> T await(final CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void shouldReadTradingRulesAndTheTopOfBook() {
    final TradingRules rules = venue.tradingRules(PAIR).orElseThrow();
    assertTrue(
        rules.priceIncrement().signum() > 0 && rules.baseIncrement().signum() > 0, rules::toString);
    final TopOfBook top = venue.topOfBook(PAIR).orElseThrow();
    assertTrue(top.bid().le(top.ask()), top::toString);
  }

  @Test
  void shouldPlaceFindAndCancelARestingOrder() throws Exception {
    final TradingRules rules = venue.tradingRules(PAIR).orElseThrow();
    final Price bid = venue.topOfBook(PAIR).orElseThrow().bid();
    final Price below = rules.floorPrice(bid.scale(new BigDecimal(farBelow())));
    final BigDecimal size = restingSize(rules, below);
    final ClientOrderId id = id(1);
    await(venue.place(order(id, Side.BUY, OrderType.LIMIT_MAKER, size, below)));
    events.await(id, OrderEvent.Accepted.class);
    final VenueOrder found = await(venue.lookup(id)).orElseThrow();
    assertEquals(VenueOrder.State.OPEN, found.state());
    await(venue.cancel(id));
    events.await(id, OrderEvent.Cancelled.class);
  }
}
