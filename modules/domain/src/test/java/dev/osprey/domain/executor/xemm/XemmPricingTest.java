package dev.osprey.domain.executor.xemm;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER_B;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.arbitrage.CrossVenueRun;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.money.Price;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The maker target price and the refresh band, on exact numbers. */
class XemmPricingTest {

  @ParameterizedTest(name = "maker {0} fees {1}/{2} taker {3}/{4} -> {6}, placed @{7}")
  @CsvSource({
    // maker side, maker fee, taker fee, taker bid, taker ask, taker price, target, placed
    // maker BUY hedges with a taker SELL: the taker price is the selling market's bid
    "BUY,  0,     0,     101,   101.5, 101,   100,                                  100",
    "BUY,  0.001, 0.002, 101,   101.5, 101,   99.70384995064165844027640671273445,  99.7",
    "BUY,  0.001, 0.002, 101.3, 101.5, 101.3, 100,                                  100",
    "BUY,  0,     0,     100,   100.5, 100,   99.00990099009900990099009900990099,  99",
    // maker SELL hedges with a taker BUY: the taker price is the buying market's ask
    "SELL, 0,     0,     98.5,  99,    99,    100,                                  100",
    "SELL, 0.001, 0.002, 98.5,  99,    99,    100.3039513677811550151975683890578,  100.3",
    "SELL, 0.001, 0.002, 98,    98.7,  98.7,  100,                                  100",
    "SELL, 0,     0,     99.5,  100,   100,   101.0101010101010101010101010101010,  101.01",
  })
  void shouldPlaceTheMakerOrderAtTakerPriceOverOnePlusOrMinusTargetAndFees(
      final Side makerSide,
      final String makerFee,
      final String takerFee,
      final String bid,
      final String ask,
      final String takerPrice,
      final String target,
      final String placed) {
    final XemmConfigs configs =
        (makerSide == Side.BUY ? XemmConfigs.makerBuy() : XemmConfigs.makerSell())
            .fees(makerFee, takerFee);
    final XemmExecutorConfig config = configs.build();
    final ConnectorPair taker = config.takerMarket();

    final XemmQuote quote =
        XemmQuote.of(config, TopOfBook.of(taker.connectorName(), taker.tradingPair(),
            Price.of(bid), Price.of(ask), T0));
    assertDecimal(takerPrice, quote.takerPrice().value());
    assertDecimal(target, quote.target().value());

    final CrossVenueRun<XemmExecutor> run = configs.run();
    run.book(taker, bid, ask);
    final String venue = makerSide == Side.BUY ? "paper" : "paper_b";
    assertEquals(
        List.of(
            "started",
            "submit xe-1-1 maker " + venue + " " + makerSide + " LIMIT 0.5 @" + placed),
        run.start());
  }

  @ParameterizedTest(name = "maker {0} @100, taker price {1}: net {2} -> {3}")
  @CsvSource({
    // maker order rests at 100; tx_pct 0.003; band [0.001, 0.02] on net profitability
    "BUY,  101.3,  0.01,   keep",
    "BUY,  100.4,  0.001,  keep",   // exactly min: kept
    "BUY,  100.39, 0.0009, cancel", // below min
    "BUY,  102.3,  0.02,   keep",   // exactly max: kept
    "BUY,  102.31, 0.0201, cancel", // above max
    "SELL, 98.7,   0.01,   keep",
    "SELL, 99.6,   0.001,  keep",
    "SELL, 99.61,  0.0009, cancel",
    "SELL, 97.7,   0.02,   keep",
    "SELL, 97.69,  0.0201, cancel",
  })
  void shouldCancelTheMakerOrderOnlyWhenNetProfitabilityLeavesTheBand(
      final Side makerSide, final String takerPrice, final String net, final String outcome) {
    final boolean buy = makerSide == Side.BUY;
    final CrossVenueRun<XemmExecutor> run =
        (buy ? XemmConfigs.makerBuy() : XemmConfigs.makerSell()).run();
    // Books that put the maker target at exactly 100 (101.3 / 1.013, 98.7 / 0.987).
    if (buy) {
      run.book(PAPER_B, "101.3", "101.4");
    } else {
      run.book(PAPER, "98.6", "98.7");
    }
    run.start();
    run.accept(1);
    assertDecimal("100", run.order(1).request().price().value());

    final XemmQuote quote =
        XemmQuote.of(run.executor().config(), run.market()).orElseThrow();
    final BigDecimal moved = new BigDecimal(takerPrice);
    final List<String> facts =
        buy
            ? run.quote(PAPER_B, takerPrice, moved.add(BigDecimal.ONE).toPlainString())
            : run.quote(PAPER, moved.subtract(BigDecimal.ONE).toPlainString(), takerPrice);

    final XemmQuote now = XemmQuote.of(run.executor().config(), run.market()).orElseThrow();
    assertDecimal("0.01", quote.netProfitability(Price.of("100")));
    assertDecimal(net, now.netProfitability(Price.of("100")));
    assertEquals(outcome.equals("keep") ? List.of() : List.of("cancel xe-1-1"), facts);
  }
}
