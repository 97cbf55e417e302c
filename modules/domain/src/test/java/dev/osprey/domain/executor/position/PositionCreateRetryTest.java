package dev.osprey.domain.executor.position;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.money.Price;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A create sent again for a running position executor (the risk supervisor re-sends one that was
 * not confirmed in time) is the same request even after the executor resolved its entry price
 * from the book; a create that really asks for something else is not.
 */
class PositionCreateRetryTest {
  private static final Instant LATER = Instant.parse("2026-01-01T00:00:05Z");

  @Test
  void shouldTakeARetriedCreateWithoutEntryPriceForTheExecutorThatResolvedOne() {
    final PositionExecutorConfig sent = PositionConfigs.buy().entry(null).build();
    final PositionExecutorConfig running = sent.withEntryPrice(Price.of("100.01"));

    assertTrue(sent.withIdentity(sent.id(), sent.controllerId(), LATER).isSameRequestAs(running));
  }

  @Test
  void shouldTakeTheSameCreateForTheSameExecutor() {
    final PositionExecutorConfig sent = PositionConfigs.buy().entry("95").build();

    assertTrue(sent.isSameRequestAs(sent.withIdentity(sent.id(), sent.controllerId(), LATER)));
  }

  @Test
  void shouldRefuseACreateThatAsksForAnotherEntryPriceOrAmount() {
    final PositionExecutorConfig running = PositionConfigs.buy().entry("95").build();

    assertFalse(PositionConfigs.buy().entry("96").build().isSameRequestAs(running));
    assertFalse(PositionConfigs.buy().entry("95").amount("2").build().isSameRequestAs(running));
    assertFalse(PositionConfigs.buy().entry(null).amount("2").build()
        .isSameRequestAs(PositionConfigs.buy().entry(null).build().withEntryPrice(Price.of("95"))));
  }
}
