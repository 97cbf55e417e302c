package dev.osprey.domain.executor.swap;

import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.money.Price;
import java.time.Instant;
import java.util.List;

/**
 * The swap compared its providers' {@code quotes}, took {@code provider}'s {@code price} and will
 * accept at worst {@code limitPrice} (the quote moved by the slippage, on the venue's price grid).
 * Persisted as {@code swap_route_chosen}.
 */
public record SwapRouteChosen(
    List<ProviderQuote> quotes, String provider, Price price, Price limitPrice, Instant at)
    implements ExecutorEvent {

  public SwapRouteChosen {
    quotes = List.copyOf(quotes);
  }
}
