package dev.osprey.okx;

import dev.osprey.domain.market.TradingPair;

/**
 * What one OKX connector trades: spot in the cash account ({@code okx}), or USDT-margined perpetual
 * swaps in cross margin ({@code okx_perpetual}). A swap's instrument is the pair's text plus {@code
 * -SWAP}, and its sizes are in contracts of {@code ctVal} base each (see {@link OkxInstrument}).
 */
enum OkxProduct {
  SPOT("SPOT", "cash", ""),
  SWAP("SWAP", "cross", "-SWAP");

  /** OKX's {@code instType}. */
  final String instType;

  /** OKX's {@code tdMode} for this product's orders. */
  final String tdMode;

  private final String suffix;

  OkxProduct(final String instType, final String tdMode, final String suffix) {
    this.instType = instType;
    this.tdMode = tdMode;
    this.suffix = suffix;
  }

  /** The product a connector name trades: {@code *_perpetual} names trade swaps. */
  static OkxProduct of(final String connectorName) {
    return connectorName.endsWith("_perpetual") ? SWAP : SPOT;
  }

  /** The instrument id of {@code pair} in this product, e.g. {@code BTC-USDT-SWAP}. */
  String instId(final TradingPair pair) {
    return pair.symbol() + suffix;
  }
}
