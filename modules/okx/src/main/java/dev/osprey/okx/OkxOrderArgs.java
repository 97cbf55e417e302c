package dev.osprey.okx;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The arguments of OKX {@code order} and {@code cancel-order} ops for spot (cash) trading. */
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
   * instId}. Sizes are always in base currency: a spot MARKET order says so with {@code
   * tgtCcy=base_ccy} (OKX sizes a market BUY in quote otherwise). LIMIT_MAKER is OKX's {@code
   * post_only}.
   *
   * @throws IllegalArgumentException if the client order id is not a valid {@code clOrdId}
   */
  static Map<String, Object> place(final OrderRequest request, final Long instIdCode) {
    if (!isValidClOrdId(request.clientOrderId())) {
      throw new IllegalArgumentException(
          "client order id '"
              + request.clientOrderId()
              + "' is not an OKX clOrdId (1-32 letters and digits)");
    }
    final Map<String, Object> args = new LinkedHashMap<>();
    instrument(args, OkxMarkets.instId(request.tradingPair()), instIdCode);
    args.put("tdMode", "cash");
    args.put("clOrdId", request.clientOrderId().value());
    args.put("side", request.side() == Side.BUY ? "buy" : "sell");
    switch (request.orderType()) {
      case MARKET:
        args.put("ordType", "market");
        args.put("tgtCcy", "base_ccy");
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
    args.put("sz", request.amount().value().toPlainString());
    if (request.price() != null && request.orderType().isLimit()) {
      args.put("px", request.price().value().toPlainString());
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
