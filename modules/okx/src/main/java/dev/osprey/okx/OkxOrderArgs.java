package dev.osprey.okx;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.PositionAction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The arguments of OKX {@code order} and {@code cancel-order} ops: spot in the cash account, swaps
 * in cross margin.
 */
final class OkxOrderArgs {
  /** OKX {@code clOrdId}: 1-32 letters and digits (Osprey's ids are made to fit). */
  private static final Pattern CL_ORD_ID = Pattern.compile("[A-Za-z0-9]{1,32}");

  private OkxOrderArgs() {}

  static boolean isValidClOrdId(final ClientOrderId id) {
    return CL_ORD_ID.matcher(id.value()).matches();
  }

  /**
   * The {@code order} op argument of {@code request}. The instrument is named by its {@code
   * instIdCode} when OKX listed one (its WebSocket trading ops take the code), else by {@code
   * instId}. LIMIT_MAKER is OKX's {@code post_only}.
   *
   * <p>Spot sizes are in base: a MARKET order says so with {@code tgtCcy=base_ccy} (OKX sizes a
   * market BUY in quote otherwise). Swap sizes are in contracts. A swap order that closes (position
   * action CLOSE) is {@code reduceOnly} in net mode, so it can never open the other way; in hedge
   * mode ({@code hedgeMode}) it names the side it opens or closes with {@code posSide}.
   *
   * @throws IllegalArgumentException if the client order id is not a valid {@code clOrdId}, or a
   *     swap size is not a whole number of contracts
   */
  static Map<String, Object> place(
      final OrderRequest request, final OkxInstruments instruments, final boolean hedgeMode) {
    if (!isValidClOrdId(request.clientOrderId())) {
      throw new IllegalArgumentException(
          "client order id '"
              + request.clientOrderId()
              + "' is not an OKX clOrdId (1-32 letters and digits)");
    }
    final OkxProduct product = instruments.product;
    final String instId = instruments.instId(request.tradingPair());
    final Map<String, Object> args = new LinkedHashMap<>();
    instrument(args, instId, instruments.code(instId));
    args.put("tdMode", product.tdMode);
    args.put("clOrdId", request.clientOrderId().value());
    args.put("side", request.side() == Side.BUY ? "buy" : "sell");
    switch (request.orderType()) {
      case MARKET:
        args.put("ordType", "market");
        if (product == OkxProduct.SPOT) {
          args.put("tgtCcy", "base_ccy");
        }
        break;
      case LIMIT:
        args.put("ordType", "limit");
        break;
      case LIMIT_MAKER:
        args.put("ordType", "post_only");
        break;
      default:
        throw new IllegalArgumentException("unsupported order type " + request.orderType());
    }
    args.put("sz", instruments.contracts(instId, request.amount().value()).toPlainString());
    if (request.price() != null && request.orderType().isLimit()) {
      args.put("px", request.price().value().toPlainString());
    }
    if (product == OkxProduct.SWAP) {
      final boolean closing = request.positionAction() == PositionAction.CLOSE;
      if (hedgeMode) {
        final boolean buy = request.side() == Side.BUY;
        args.put("posSide", buy != closing ? "long" : "short");
      } else if (closing) {
        args.put("reduceOnly", true);
      }
    }
    return args;
  }

  /** The {@code cancel-order} op argument for the order {@code clOrdId} on {@code instId}. */
  static Map<String, Object> cancel(
      final String instId, final Long instIdCode, final ClientOrderId clOrdId) {
    final Map<String, Object> args = new LinkedHashMap<>();
    instrument(args, instId, instIdCode);
    args.put("clOrdId", clOrdId.value());
    return args;
  }

  private static void instrument(
      final Map<String, Object> args, final String instId, final Long instIdCode) {
    if (instIdCode != null) {
      args.put("instIdCode", instIdCode); // a JSON number, as OKX lists it
    } else {
      args.put("instId", instId);
    }
  }
}
