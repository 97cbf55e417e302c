package dev.osprey.agent.market;

import dev.osprey.domain.money.Price;
import java.time.Instant;

/**
 * One OHLC candle of mid prices. {@code openTime} is the start of its interval; a candle with one
 * observation has open = high = low = close.
 */
public record Candle(Instant openTime, Price open, Price high, Price low, Price close) {}
