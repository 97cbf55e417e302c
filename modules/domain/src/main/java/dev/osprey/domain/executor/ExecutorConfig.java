package dev.osprey.domain.executor;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.arbitrage.ArbitrageExecutorConfig;
import dev.osprey.domain.executor.dca.DcaExecutorConfig;
import dev.osprey.domain.executor.grid.GridExecutorConfig;
import dev.osprey.domain.executor.lp.LpExecutorConfig;
import dev.osprey.domain.executor.order.OrderExecutorConfig;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.domain.executor.swap.SwapExecutorConfig;
import dev.osprey.domain.executor.twap.TwapExecutorConfig;
import dev.osprey.domain.executor.xemm.XemmExecutorConfig;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The configuration of one executor, as the reference's {@code executor_config} JSON has it
 * ({@code type} names the kind). Identity fields ({@code id, controller_id, timestamp}) are filled
 * in by {@link #withIdentity} before the executor is created.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PositionExecutorConfig.class, name = PositionExecutorConfig.TYPE),
  @JsonSubTypes.Type(value = OrderExecutorConfig.class, name = OrderExecutorConfig.TYPE),
  @JsonSubTypes.Type(value = GridExecutorConfig.class, name = GridExecutorConfig.TYPE),
  @JsonSubTypes.Type(value = DcaExecutorConfig.class, name = DcaExecutorConfig.TYPE),
  @JsonSubTypes.Type(value = TwapExecutorConfig.class, name = TwapExecutorConfig.TYPE),
  @JsonSubTypes.Type(value = XemmExecutorConfig.class, name = XemmExecutorConfig.TYPE),
  @JsonSubTypes.Type(value = ArbitrageExecutorConfig.class, name = ArbitrageExecutorConfig.TYPE),
  @JsonSubTypes.Type(value = LpExecutorConfig.class, name = LpExecutorConfig.TYPE),
  @JsonSubTypes.Type(value = SwapExecutorConfig.class, name = SwapExecutorConfig.TYPE),
})
public interface ExecutorConfig {
  /** The reference's type name, e.g. {@code position_executor}: its {@link JsonTypeName}. */
  default String type() {
    return getClass().getAnnotation(JsonTypeName.class).value();
  }

  String id();

  String controllerId();

  Instant timestamp();

  String connectorName();

  TradingPair tradingPair();

  Side side();

  /**
   * Every market it trades or watches, primary first. Single-market executors have one; XEMM and
   * arbitrage have two.
   */
  default List<ConnectorPair> markets() {
    return List.of(new ConnectorPair(connectorName(), tradingPair()));
  }

  /** Every rule this config breaks, with field names as in the JSON. Empty when valid. */
  List<FieldViolation> validate();

  /** A copy with the identity the engine assigns. */
  ExecutorConfig withIdentity(String id, String controllerId, Instant timestamp);

  /**
   * This config as the executor running {@code running} holds it: with what the executor fills in
   * once it runs (a position executor's entry price taken from the book).
   */
  default ExecutorConfig asRunning(final ExecutorConfig running) {
    return this;
  }

  /**
   * Whether this create, sent again for an executor that already runs {@code running}, asks for
   * the same executor: a retried create (the risk supervisor re-sends one that was not confirmed)
   * has another timestamp, and the running config has what the executor filled in since.
   */
  default boolean isSameRequestAs(final ExecutorConfig running) {
    final ExecutorConfig sent = asRunning(running);
    return sent.withIdentity(sent.id(), sent.controllerId(), Instant.EPOCH)
        .equals(running.withIdentity(running.id(), running.controllerId(), Instant.EPOCH));
  }

  /**
   * What the executor may put at risk, in quote (the risk supervisor's exposure), valued with the
   * current mid when the config has no price of its own. Empty when it cannot be valued.
   */
  Optional<QuoteAmount> plannedExposure(Optional<Price> mid);

  /**
   * The leverage this executor asks its venue for ({@code leverage} in the configs that have one);
   * 0 when the config has none and the venue's setting is left as it is.
   */
  default int venueLeverage() {
    return 0;
  }

  /**
   * The amount in base, when all this executor can ever do is one trade of it on {@link #side()}
   * (an order executor); empty for executors that may trade both ways or repeatedly. In REDUCING
   * such an executor may be created when that trade only reduces a held position.
   */
  default Optional<Quantity> singleTradeAmount() {
    return Optional.empty();
  }
}
