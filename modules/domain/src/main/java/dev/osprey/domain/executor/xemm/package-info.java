/**
 * The cross-exchange market-making executor (reference-semantics §2.6 with osprey-decisions
 * applied).
 *
 * <p>Where the reference was silent, ambiguous or defective, Osprey does this:
 *
 * <ul>
 *   <li>Pricing ({@link dev.osprey.domain.executor.xemm.XemmQuote}): the taker price is the best
 *       price of the hedge's side on the taker market (the reference's VWAP over depth for {@code
 *       order_amount} degenerates to the top of book in a top-of-book view); {@code tx_pct =
 *       maker_fee_pct + taker_fee_pct}, optional config fields (default 0) standing for the
 *       venues' fee rates, since the domain has no fee schedule (the reference asks its
 *       connectors, and uses the taker rate for both legs). Maker BUY target {@code taker / (1 +
 *       target + tx_pct)}, maker SELL {@code taker / (1 − target − tx_pct)}; prices and amounts
 *       are floored to the maker venue's increments. The maker order is a LIMIT order, as in the
 *       reference.
 *   <li>Refresh: a resting maker order whose net profitability ({@code profitability − tx_pct})
 *       is strictly below {@code min_profitability} or strictly above {@code max_profitability}
 *       is cancelled; the next one is placed at the then-current target only once the venue
 *       confirmed the cancel, so fills racing the cancel count and the next order is for the
 *       remainder (the reference forgets partial fills of a replaced maker order). The rule uses
 *       the order's own price even before the venue acknowledged it (the reference then reads a
 *       profitability of 0).
 *   <li>Hedge: once the maker side traded all it can (the rest is below the venue minimum), one
 *       MARKET order on the taker venue hedges everything the maker orders filled; {@code
 *       COMPLETED} when it is filled (the reference leaves the close type empty).
 *   <li>Retries: a refused order (maker or hedge) is re-placed one {@link
 *       dev.osprey.domain.executor.xemm.XemmExecutor#RETRY_DELAY} after the refusal (the executor
 *       asks for a wake-up); the refusal that takes the count above {@link
 *       dev.osprey.domain.executor.xemm.XemmExecutor#MAX_RETRIES} ends it {@code FAILED} (live
 *       orders are cancelled first; an unhedged maker fill stays unhedged and is reported in
 *       {@code custom_info}). The first maker order refused with {@code INSUFFICIENT_BALANCE}
 *       before any maker fill ends it {@code INSUFFICIENT_BALANCE}; a balance refusal of the
 *       hedge is an ordinary retry.
 *   <li>Early stop while the maker order rests: the maker order is cancelled; with nothing filled
 *       it ends {@code EARLY_STOP}; with a partial fill {@code keep_position} ends {@code
 *       POSITION_HOLD} handing that fill over, otherwise the fill is hedged at market and it ends
 *       {@code EARLY_STOP} with the round trip's P&amp;L. While hedging: {@code keep_position}
 *       cancels the hedge and hands over both legs' fills; otherwise the hedge goes on and it ends
 *       {@code EARLY_STOP}. A second stop is ignored. (The reference cancels and stops at once.)
 *   <li>P&amp;L ({@link dev.osprey.domain.executor.arbitrage.CrossVenuePnl}): {@code sell_quote −
 *       buy_quote − fees} for both maker sides (the reference books {@code taker − maker}, wrong
 *       in sign for a maker SELL), {@code net_pnl_pct} divided by the buy notional in quote (the
 *       reference divides by {@code order_amount}, a base amount).
 *   <li>Roles {@code maker} / {@code taker}; side() is {@code maker_side}, the primary market is
 *       the buying one.
 * </ul>
 */
package dev.osprey.domain.executor.xemm;

