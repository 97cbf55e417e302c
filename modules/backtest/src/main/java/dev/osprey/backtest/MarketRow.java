package dev.osprey.backtest;

import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.money.Price;
import java.time.Instant;

/** One recorded quote: at {@code timestamp}, {@code market} was {@code bid}/{@code ask}. */
public record MarketRow(Instant timestamp, ConnectorPair market, Price bid, Price ask) {}
