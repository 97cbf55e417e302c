package dev.osprey.backtest;

import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.money.Price;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One scripted line of {@code actions.csv}: what an operator or agent would do through the API at
 * {@code at}. {@code line} is the file line, so that a problem found later still names it.
 */
sealed interface ReplayAction {
  Instant at();

  int line();

  /** {@code POST /executors/{id}/stop} with or without {@code keep_position}. */
  record Stop(Instant at, int line, String executorId, boolean keepPosition) implements ReplayAction {}

  /** {@code POST /paper/markets/{pair}/quote}: like a market.csv row at this point of the tick. */
  record Quote(Instant at, int line, ConnectorPair market, Price bid, Price ask) implements ReplayAction {}

  /** {@code PUT /paper/balances}: makes {@code amount} the available balance of {@code asset}. */
  record SetBalance(Instant at, int line, String connector, String asset, BigDecimal amount)
      implements ReplayAction {}
}
