package dev.osprey.api.positions;

import dev.osprey.json.PositionSummaryJson;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.domain.position.PositionView;
import dev.osprey.engine.gateway.ControllerGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * hummingbot-api's position shapes: {@code PositionHoldResponse} per held bucket, and the summary
 * {@code {total_positions, total_realized_pnl, total_unrealized_pnl, positions}}. Flat buckets
 * (fully closed) are not listed. Unrealized P&amp;L needs a mid; without one it is null.
 */
public final class PositionJson {
  static final String ACCOUNT = "master_account";
  private final MidPrices mids;

  public PositionJson(final MidPrices mids) {
    this.mids = mids;
  }

  /** Every open held position of these controllers, marked to the current mids. */
  public CompletionStage<List<PositionView>> viewsOf(
      final ControllerGateway controllers, final List<String> controllerIds) {
    final List<CompletableFuture<PositionBook>> books = new ArrayList<>();
    for (String id : controllerIds) {
      books.add(controllers.positions(id).toCompletableFuture());
    }
    return CompletableFuture.allOf(books.toArray(CompletableFuture[]::new)).thenApply(x -> {
      final List<PositionView> views = new ArrayList<>();
      for (CompletableFuture<PositionBook> b : books) {
        final PositionBook book = b.join();
        for (PositionHold h : book.holds()) {
          if (!h.isFlat()) {
            views.add(view(book.controllerId(), h));
          }
        }
      }
      return views;
    });
  }

  public CompletionStage<Map<String, Object>> summaryOf(
      final ControllerGateway controllers, final List<String> controllerIds) {
    return viewsOf(controllers, controllerIds).thenApply(PositionSummaryJson::summary);
  }

  public CompletionStage<Optional<PositionView>> one(
      final ControllerGateway controllers, final String controllerId, final String connector, final TradingPair pair) {
    return controllers.positions(controllerId)
        .thenApply(book -> book.get(connector, pair).map(h -> view(controllerId, h)));
  }

  private PositionView view(final String controllerId, final PositionHold h) {
    return PositionView.of(h, ACCOUNT, controllerId,
        mids.mid(h.key().connectorName(), h.key().tradingPair()));
  }


}
