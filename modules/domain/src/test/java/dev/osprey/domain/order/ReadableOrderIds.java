package dev.osprey.domain.order;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only: shows a client order id as {@code <executor id>-<sequence>} when its executor was
 * registered here, so expectations read like the journal. Production code never reads an executor
 * id out of a client order id; tests only do it to print one.
 */
public final class ReadableOrderIds {
  private static final Map<String, String> EXECUTORS = new ConcurrentHashMap<>();

  private ReadableOrderIds() {}

  /** Makes ids of {@code executorId} readable. */
  public static void register(final String executorId) {
    EXECUTORS.put(ClientOrderId.routeKeyOf(executorId), executorId);
  }

  /** {@code <executor id>-<sequence>} for a registered executor's id, else the id itself. */
  public static String of(final ClientOrderId id) {
    final String executor = EXECUTORS.get(id.routeKey());
    if (executor == null || id.value().length() <= ClientOrderId.ROUTE_KEY_LENGTH) {
      return id.value();
    }
    return executor + "-" + Integer.parseInt(id.value().substring(ClientOrderId.ROUTE_KEY_LENGTH), 36);
  }
}
