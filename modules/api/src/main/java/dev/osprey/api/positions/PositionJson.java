package dev.osprey.api.positions;

import dev.osprey.json.PositionSummaryJson;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.domain.position.PositionSide;
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

  /**
   * The held position of {@code pair} on {@code connector}: its one-way bucket, or on a hedge-mode
   * venue the bucket of {@code side} (LONG or SHORT; may be null when only one side is held).
   *
   * @throws FieldViolation.Invalid when both hedge sides are held and {@code side} is null
   */
  public CompletionStage<Optional<PositionView>> one(
      final ControllerGateway controllers, final String controllerId, final String connector,
      final TradingPair pair, final PositionSide side) {
    return controllers.positions(controllerId).thenApply(book -> {
      final List<PositionHold> held = new ArrayList<>();
      for (PositionHold h : book.positions(connector, pair)) {
        if (side == null || h.key().side().isEmpty() || sideOf(h.key().side().get()) == side) {
          held.add(h);
        }
      }
      if (held.size() > 1) {
        throw new FieldViolation.Invalid("position_side",
            "is required: both hedge-mode sides are held (LONG or SHORT)");
      }
      return held.stream().findFirst().map(h -> view(controllerId, h));
    });
  }

  /** The views of {@code holds}, marked to the current mids (flat ones too). */
  public List<PositionView> views(final String controllerId, final List<PositionHold> holds) {
    final List<PositionView> out = new ArrayList<>();
    for (PositionHold h : holds) {
      out.add(view(controllerId, h));
    }
    return out;
  }

  private static PositionSide sideOf(final Side hedgeSide) {
    return hedgeSide == Side.BUY ? PositionSide.LONG : PositionSide.SHORT;
  }

  private PositionView view(final String controllerId, final PositionHold h) {
    return PositionView.of(h, ACCOUNT, controllerId,
        mids.mid(h.key().connectorName(), h.key().tradingPair()));
  }


}
