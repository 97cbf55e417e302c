package dev.osprey.domain.executor.swap;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.ConfigAssertions;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwapExecutorConfigTest {

  @Test
  void shouldSettleOnPaperWithOnePercentSlippageAcrossEveryKnownProviderByDefault() {
    final SwapExecutorConfig c = SwapRun.config(Side.BUY, "1", null, null);
    assertEquals(List.of(), c.validate());
    assertEquals("paper", c.connectorName());
    assertDecimal("0.01", c.slippagePct());
    assertEquals(SwapProviders.known(), c.swapProviders());
    assertEquals(SwapExecutorConfig.TYPE, c.type());
  }

  @Test
  void shouldNameEveryUnknownProviderAndListTheKnownOnes() {
    final SwapExecutorConfig c =
        SwapRun.config(Side.SELL, "1", "0.005", List.of("jupiter/router", "uni/v3", "x"));
    final List<FieldViolation> v = c.validate();
    assertEquals(2, v.size(), v::toString);
    assertEquals("swap_providers", v.get(0).field());
    assertTrue(v.get(0).rule().contains("'uni/v3'"), v.get(0).rule());
    assertTrue(
        v.get(0).rule().contains("jupiter/router, meteora/clmm, raydium/clmm, orca/clmm"),
        v.get(0).rule());
    assertTrue(v.get(1).rule().contains("'x'"));
    assertThrows(FieldViolation.Invalid.class, () -> SwapExecutor.create(c));
  }

  @Test
  void shouldReportEveryOtherBrokenRule() {
    final SwapExecutorConfig c =
        new SwapExecutorConfig(
            "s", "ctl", Instant.EPOCH, " ", null, null, Quantity.ZERO, BigDecimal.ONE, List.of());
    assertEquals(
        List.of(
            "connector_name", "trading_pair", "side", "amount", "slippage_pct", "swap_providers"),
        c.validate().stream().map(FieldViolation::field).toList());
  }

  @Test
  void shouldValueTheExposureAsAmountAtMid() {
    final SwapExecutorConfig c = SwapRun.config(Side.BUY, "2.5", null, null);
    assertDecimal("250", c.plannedExposure(Optional.of(Price.of("100"))).orElseThrow().value());
    assertEquals(Optional.empty(), c.plannedExposure(Optional.empty()));
  }

  @Test
  void shouldKeepEverythingButTheIdentityInACopyWithIdentity() {
    final SwapExecutorConfig c = SwapRun.config(Side.BUY, "1", "0.02", List.of("orca/clmm"));
    ConfigAssertions.assertIdentityCopy(c, "x", "c2", Instant.EPOCH);
  }
}
