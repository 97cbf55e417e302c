package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.osprey.agent.files.LoomToml;
import dev.osprey.agent.loom.LoomExecutorPolicy;
import dev.osprey.agent.policy.AgentTools;
import dev.osprey.agent.policy.Observation;
import dev.osprey.agent.policy.ObservedRisk;
import dev.osprey.agent.policy.TickContext;
import dev.osprey.agent.policy.Trigger;
import dev.osprey.domain.risk.RiskLimits;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Traces leave the node over OTLP only when an endpoint is configured; the Loom agent's spans among them. */
class NodeTelemetryTest {
  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

  @Test
  void shouldExportNothingWithoutAnEndpoint() {
    assertSame(OpenTelemetry.noop(), NodeTelemetry.fromEnvironment(Map.of("OTEL_SERVICE_NAME", "x")));
  }

  @Test
  void shouldExportTheLoomAgentsSpansToTheConfiguredCollector() throws Exception {
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext("/v1/traces", exchange -> {
      final byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(exchange.getRequestHeaders().getFirst("Content-Type") + " "
          + new String(body, StandardCharsets.ISO_8859_1));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    collector.start();
    final OpenTelemetry telemetry = NodeTelemetry.fromEnvironment(Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort(),
        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
    try (OpenTelemetrySdk sdk = (OpenTelemetrySdk) telemetry) {
      final var policy = AgentNode.policies(telemetry).get(LoomExecutorPolicy.NAME);
      final var d = LoomToml.parse("[agents.executor-agent]\n").definition("executor-agent");
      final Observation obs = new Observation(NOW, List.of(), List.of(), List.of(), new ObservedRisk(RiskLimits.NONE,
          "ACTIVE", 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
          BigDecimal.ZERO));
      policy.decide(new TickContext("executor-agent", 1, 1, NOW, d, d.configs(), List.of(), "", obs,
          Optional.of(new Trigger("plan.ready", Map.of("symbol", "BTC", "action", "HOLD", "confidence", 0.7), NOW))),
          tools()).toCompletableFuture().join();
      sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
      final String request = received.poll(10, TimeUnit.SECONDS);
      assertNotNull(request, "no OTLP request");
      assertTrue(request.startsWith("application/x-protobuf "), request);
      assertTrue(request.contains("executor.on_plan_event") && request.contains("executor.execute_plan"), request);
      assertTrue(request.contains("osprey"), "service name");
    } finally {
      collector.stop(0);
    }
    assertEquals(0, received.size());
  }

  /** Tools that only publish (refused: no bus here), which is all a HOLD needs. */
  private static AgentTools tools() {
    final InvocationHandler h = (proxy, method, args) -> {
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      throw new AssertionError("unexpected tool call " + method.getName());
    };
    return (AgentTools) Proxy.newProxyInstance(AgentTools.class.getClassLoader(), new Class<?>[] {AgentTools.class}, h);
  }
}
