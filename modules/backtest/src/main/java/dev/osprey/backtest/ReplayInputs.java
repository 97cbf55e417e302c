package dev.osprey.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.domain.market.FeeRates;
import dev.osprey.exchange.paper.MarketConfig;
import dev.osprey.json.VenueFees;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every replay reads besides its executors or agent: the recorded quotes ({@code market.csv}),
 * the venues ({@code connectors.json}) and the scripted actions ({@code actions.csv}).
 */
record ReplayInputs(List<MarketRow> rows, List<ReplayAction> actions, Map<String, VenueSpec> venues) {

  static ReplayInputs parse(final ObjectMapper mapper, final String marketCsv, final String connectorsJson,
      final String actionsCsv) throws IOException {
    final List<MarketRow> rows = MarketCsv.read(new StringReader(marketCsv));
    final List<ReplayAction> actions =
        actionsCsv == null ? List.of() : ActionsCsv.read(new StringReader(actionsCsv));
    final Map<String, VenueSpec> venues = connectorsJson == null || connectorsJson.isBlank()
        ? Map.of()
        : ConnectorsJson.parse(readTree(mapper, connectorsJson, "connectors.json"));
    return new ReplayInputs(rows, actions, venues);
  }

  static JsonNode readTree(final ObjectMapper mapper, final String text, final String file) {
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  /** The first point of the replay: its first row or action. */
  Instant start() {
    final Instant row = rows.get(0).timestamp();
    return actions.isEmpty() || row.isBefore(actions.get(0).at()) ? row : actions.get(0).at();
  }

  /** The last point of the data. */
  Instant end() {
    final Instant row = rows.get(rows.size() - 1).timestamp();
    return actions.isEmpty() || row.isAfter(actions.get(actions.size() - 1).at())
        ? row : actions.get(actions.size() - 1).at();
  }

  /** The venues the replay has: those of connectors.json and those the quotes name. */
  Set<String> venueNames() {
    final Set<String> names = new LinkedHashSet<>(venues.keySet());
    rows.forEach(r -> names.add(r.market().connectorName()));
    return names;
  }

  /** The replayed venues' fee rates (zero where connectors.json says nothing). */
  VenueFees fees() {
    return (connector, pair) -> {
      final MarketConfig m = venues.getOrDefault(connector, VenueSpec.DEFAULT).market(pair);
      return Optional.of(new FeeRates(m.makerFee(), m.takerFee()));
    };
  }
}
