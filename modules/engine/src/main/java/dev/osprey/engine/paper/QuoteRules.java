package dev.osprey.engine.paper;

import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import java.util.Optional;

/** What makes a quote acceptable to a paper venue (checked before it is persisted). */
final class QuoteRules {
  private QuoteRules() {}

  /** Why the quote cannot be set, or empty when it can. */
  static Optional<String> problem(
      final Price bid, final Price ask, final Quantity bidSize, final Quantity askSize) {
    if (bid == null || ask == null) {
      return Optional.of("bid and ask are required");
    }
    if (bid.value().signum() <= 0 || ask.value().signum() <= 0) {
      return Optional.of("bid and ask must be positive");
    }
    if (bid.value().compareTo(ask.value()) > 0) {
      return Optional.of("bid must not be above ask");
    }
    if ((bidSize != null && bidSize.value().signum() < 0)
        || (askSize != null && askSize.value().signum() < 0)) {
      return Optional.of("sizes must not be negative");
    }
    return Optional.empty();
  }
}
