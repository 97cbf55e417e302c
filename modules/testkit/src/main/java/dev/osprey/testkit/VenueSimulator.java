package dev.osprey.testkit;

import java.util.concurrent.CompletableFuture;

/**
 * A real venue's local simulator (Binance, OKX), as acceptance tests drive it whatever the venue:
 * quote a spot market, and ask what the venue saw. Faults and venue details stay on each simulator.
 */
public interface VenueSimulator extends AutoCloseable {
  /** The venue's name of spot pair {@code pair} ({@code DOGE-USDT}): a symbol or instrument id. */
  String spotSymbol(String pair);

  /** Quotes {@code symbol} (the venue's name, see {@link #spotSymbol}). */
  void setTicker(String symbol, String bid, String ask);

  /** How many times the venue saw {@code what}; {@code order} counts every new order. */
  int count(String what);

  /** Completes once {@link #count} of {@code what} reaches {@code atLeast}. */
  CompletableFuture<Void> await(String what, int atLeast);

  /** How many orders the venue holds on {@code symbol}. */
  long ordersOn(String symbol);

  @Override
  void close();
}
