package dev.osprey.engine.risk;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.domain.risk.ControllerMark;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.executor.ExecutorProtocol;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.engine.position.PositionBookEntity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.pattern.StatusReply;

/**
 * Marks one controller to market: asks each of its running executors for its report (net P&amp;L
 * marked to the mid) and its position book for the held positions, valued at the venues' mids.
 * One ask per running executor per mark: bounded by {@code max_open_executors}, not by history.
 */
final class ControllerMarker {
  private final ClusterSharding sharding;
  private final EngineContext engine;

  ControllerMarker(final ActorSystem<?> system, final EngineContext engine) {
    this.sharding = ClusterSharding.get(system);
    this.engine = engine;
  }

  CompletionStage<ControllerMark> mark(final String controllerId, final List<String> runningExecutorIds) {
    final Duration timeout = engine.settings().askTimeout();
    final List<CompletableFuture<QuoteAmount>> pnls = new ArrayList<>();
    for (String id : runningExecutorIds) {
      pnls.add(sharding.entityRefFor(ExecutorProtocol.ENTITY_KEY, id)
          .<StatusReply<ExecutorView>>ask(ExecutorProtocol.Get::new, timeout)
          .thenApply(r -> r.getValue().report().netPnlQuote())
          .toCompletableFuture());
    }
    final CompletableFuture<PositionBook> book = sharding.entityRefFor(PositionBookEntity.ENTITY_KEY, controllerId)
        .<PositionBook>ask(PositionBookEntity.GetBook::new, timeout)
        .toCompletableFuture();
    return CompletableFuture.allOf(pnls.toArray(CompletableFuture[]::new)).thenCombine(book, (done, b) -> {
      final List<QuoteAmount> running = new ArrayList<>(pnls.size());
      pnls.forEach(f -> running.add(f.join()));
      return ControllerMark.of(running, b.holds(), this::mid, engine.clock().instant());
    });
  }

  private Optional<Price> mid(final PositionHold hold) {
    return engine.venues().get(hold.key().connectorName())
        .flatMap(v -> v.topOfBook(hold.key().tradingPair()))
        .map(TopOfBook::mid);
  }
}
