package dev.osprey.okx;

import java.time.Clock;

/**
 * The shared venue clock, under the name the OKX connector's classes use: signatures on OKX's time
 * ({@code GET /api/v5/public/time}), which refuses timestamps more than 30 s off.
 */
final class VenueClock extends dev.osprey.exchange.venue.VenueClock {
  VenueClock(final Clock local) {
    super(local);
  }
}
