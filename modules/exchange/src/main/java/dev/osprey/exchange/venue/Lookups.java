package dev.osprey.exchange.venue;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Chains of look-ups by client order id as real venues answer them, each step maybe finding
 * nothing: where the order is (known here, or asked), then the order, then its fills. A step that
 * found nothing ends the chain empty, without asking the venue further.
 */
public final class Lookups {
  private Lookups() {}

  /** {@code known} when present; otherwise what {@code ask} finds. */
  public static <A> CompletableFuture<Optional<A>> orAsk(
      final Optional<A> known, final Supplier<CompletableFuture<Optional<A>>> ask) {
    return known.isPresent() ? CompletableFuture.completedFuture(known) : ask.get();
  }

  /** What {@code next} finds for what {@code first} found; empty when {@code first} found none. */
  public static <A, B> CompletableFuture<Optional<B>> ifFound(
      final CompletableFuture<Optional<A>> first,
      final Function<A, CompletableFuture<Optional<B>>> next) {
    return first.thenCompose(
        a ->
            a.isPresent()
                ? next.apply(a.get())
                : CompletableFuture.completedFuture(Optional.empty()));
  }
}
