package dev.osprey.app;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The node's OpenTelemetry: traces exported over OTLP when the environment names an endpoint
 * ({@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}; the other
 * standard {@code OTEL_*} variables apply, e.g. {@code OTEL_SERVICE_NAME}), a no-op otherwise, so
 * nothing leaves the node unless an operator asks for it. Metrics and logs are not exported.
 */
final class NodeTelemetry {
  private NodeTelemetry() {}

  /** @return the SDK to close at shutdown, or the no-op when no endpoint is set */
  static OpenTelemetry fromEnvironment(final Map<String, String> env) {
    if (blank(env.get("OTEL_EXPORTER_OTLP_ENDPOINT")) && blank(env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))) {
      return OpenTelemetry.noop();
    }
    final Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("otel.service.name", "osprey");
    defaults.put("otel.traces.exporter", "otlp");
    defaults.put("otel.metrics.exporter", "none");
    defaults.put("otel.logs.exporter", "none");
    final OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> defaults)
        .addPropertiesSupplier(() -> otelProperties(env))
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
    return sdk;
  }

  /** The environment's {@code OTEL_*} variables as the SDK's properties (they win over the defaults). */
  private static Map<String, String> otelProperties(final Map<String, String> env) {
    final Map<String, String> m = new LinkedHashMap<>();
    env.forEach((k, v) -> {
      if (k.startsWith("OTEL_")) {
        m.put(k.toLowerCase(java.util.Locale.ROOT).replace('_', '.'), v);
      }
    });
    return m;
  }

  private static boolean blank(final String s) {
    return s == null || s.isBlank();
  }
}
