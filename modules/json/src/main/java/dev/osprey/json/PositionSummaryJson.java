package dev.osprey.json;

import dev.osprey.domain.position.PositionView;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * hummingbot-api's positions summary: {@code {total_positions, total_realized_pnl,
 * total_unrealized_pnl, positions}}; the unrealized total is null when any position has no mid.
 */
public final class PositionSummaryJson {
  private PositionSummaryJson() {}

  public static Map<String, Object> summary(final List<PositionView> views) {
    BigDecimal realized = BigDecimal.ZERO;
    BigDecimal unrealized = BigDecimal.ZERO;
    boolean unrealizedKnown = true;
    for (PositionView v : views) {
      realized = realized.add(v.realizedPnlQuote().value());
      if (v.unrealizedPnlQuote() == null) {
        unrealizedKnown = false;
      } else {
        unrealized = unrealized.add(v.unrealizedPnlQuote().value());
      }
    }
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("total_positions", views.size());
    m.put("total_realized_pnl", Decimals18.out(realized));
    m.put("total_unrealized_pnl", unrealizedKnown ? Decimals18.out(unrealized) : null);
    m.put("positions", views);
    return m;
  }}
