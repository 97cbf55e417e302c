package dev.osprey.domain.executor.grid;

import dev.osprey.domain.executor.EventText;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorRun;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.ReadableOrderIds;
import dev.osprey.domain.order.TrackedOrder;
import java.util.List;

/**
 * {@link ExecutorRun} of a {@link GridExecutor}; decisions come back as text, order ids by their
 * sequence number ({@code #7}), since a grid places many.
 */
final class GridRun extends ExecutorRun<GridExecutor, GridRun, List<String>> {
  /** Order ids as {@code #7}, submissions without position action, and the planned levels. */
  static final EventText TEXT = new EventText() {
    @Override
    protected String own(final ExecutorEvent e) {
      return e instanceof GridLevelsPlanned p ? "plan " + p.levels().size() + " levels" : null;
    }

    @Override
    protected String id(final ClientOrderId id) {
      ReadableOrderIds.register(GridConfigs.ID);
      return "#" + ReadableOrderIds.of(id).substring(GridConfigs.ID.length() + 1);
    }

    @Override
    protected String submitted(final OrderRequest r) {
      return sideTypeAmountPrice(r);
    }
  };

  GridRun(final GridExecutorConfig config) {
    super(() -> GridExecutor.create(config), GridConfigs.BTC_USDT, GridConfigs.T0, TEXT::all);
  }

  /** Fills the whole of order {@code seq} at its own price. */
  List<String> fillAll(final int seq, final String feeRate) {
    final OrderRequest r = request(seq);
    return fill(
        seq, r.price().value().toPlainString(), r.amount().value().toPlainString(), feeRate);
  }

  /** Confirms every pending cancel, one report each; returns the facts of the last report. */
  List<String> cancelledAll() {
    List<String> last = List.of();
    for (TrackedOrder o : executor().orders().all()) {
      if (o.status() == OrderStatus.CANCEL_REQUESTED) {
        last = venue(new OrderEvent.Cancelled(o.id(), now()));
      }
    }
    return last;
  }

  static ClientOrderId id(final int seq) {
    return ClientOrderId.forExecutor(GridConfigs.ID, seq);
  }
}
