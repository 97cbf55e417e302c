package dev.osprey.engine.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.market.PaperTrade;
import dev.osprey.json.CreateExecutorRequest;
import dev.osprey.json.IdGenerator;
import dev.osprey.json.VenueFees;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A tool's executor config read exactly as {@code POST /executors} reads a body: connector names
 * resolve to paper twins, cross-venue fees fill in, validation names the field. Live agents read
 * with the node's venues and clock, replayed ones with the replay's.
 *
 * @param venueExists whether a connector of that name trades here
 * @param now the time a created executor starts at
 */
public record ApiExecutorConfigReader(
    ObjectMapper mapper, VenueFees fees, Predicate<String> venueExists, Supplier<Instant> now)
    implements ExecutorConfigReader {

  @Override
  public ExecutorConfig read(final String controllerId, final String executorId, final Map<String, Object> config) {
    final ObjectNode executorConfig = mapper.valueToTree(config);
    executorConfig.put("id", executorId);
    final ObjectNode body = mapper.createObjectNode().put("controller_id", controllerId);
    body.set("executor_config", executorConfig);
    return CreateExecutorRequest.parse(mapper, body, now.get(), IdGenerator.base58(), fees,
        name -> PaperTrade.resolve(name, venueExists));
  }
}
