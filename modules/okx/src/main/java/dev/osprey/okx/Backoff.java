package dev.osprey.okx;

import java.time.Duration;

/** The shared reconnect backoff, under the name the OKX connector's classes use. */
final class Backoff extends dev.osprey.exchange.venue.Backoff {
  Backoff(final Duration min, final Duration max) {
    super(min, max);
  }
}
