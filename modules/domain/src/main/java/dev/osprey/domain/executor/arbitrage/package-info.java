/**
 * The arbitrage executor (reference-semantics §2.7 with osprey-decisions applied) and the
 * building blocks both cross-venue executors share (the XEMM executor uses {@link
 * dev.osprey.domain.executor.arbitrage.CrossVenueState}, {@link
 * dev.osprey.domain.executor.arbitrage.CrossVenuePnl}, {@link
 * dev.osprey.domain.executor.arbitrage.BuySellLegs}, {@link
 * dev.osprey.domain.market.TradingRules#floorAmount} and the config rules).
 *
 * <p>Where the reference was silent, ambiguous or defective, Osprey does this:
 *
 * <ul>
 *   <li>Prices: the buy price is the buying market's best ask, the sell price the selling
 *       market's best bid (the reference's VWAP for {@code order_amount} degenerates to the top of
 *       book in a top-of-book view). Both pairs must have interchangeable base and quote assets;
 *       no quote conversion happens (rate 1), so a config whose quotes differ is refused instead
 *       of needing a rate oracle.
 *   <li>Fees: {@code buying_fee_pct} and {@code selling_fee_pct} (optional, default 0) are the
 *       taker fee rates of the two venues; the domain has no fee schedule, so they come with the
 *       config. Each leg's fee is valued at that leg's price. {@code profitability = (amount ·
 *       (sell − buy) − fees_quote) / (amount · buy)}, the reference's {@code (trade_pct · amount ·
 *       buy − fees) / (amount · buy)} in quote; both legs are sent when it is strictly above
 *       {@code min_profitability}. {@code gas_conversion_price} is accepted and reported, unused.
 *   <li>Balance: Osprey has no balance check before trading; a leg refused with {@code
 *       INSUFFICIENT_BALANCE} before any leg traded ends the executor {@code
 *       INSUFFICIENT_BALANCE} (the other leg is cancelled first). Once something traded, a
 *       balance refusal is an ordinary retry.
 *   <li>Retries: a refused leg is re-sent for what it still misses one {@link
 *       dev.osprey.domain.executor.arbitrage.ArbitrageExecutor#RETRY_DELAY} after the refusal
 *       (the executor asks for a wake-up); the refusal that takes the count above {@link
 *       dev.osprey.domain.executor.arbitrage.ArbitrageExecutor#MAX_RETRIES} ends it {@code
 *       FAILED}. A leg the venue cancelled part-way is completed the same way (not counted).
 *   <li>Early stop while watching ends {@code EARLY_STOP} at once (nothing was sent). While the
 *       legs execute: {@code keep_position} cancels what is live and ends {@code POSITION_HOLD}
 *       with every order that traded (or {@code EARLY_STOP} if none did); otherwise it cancels
 *       what is live and evens the legs out at market (the lagging leg trades the difference), so
 *       it ends flat with {@code EARLY_STOP} and the round trip's P&amp;L. A second stop is
 *       ignored. A balance refusal raced by a fill of the other leg ends {@code POSITION_HOLD}
 *       with that fill instead of orphaning it.
 *   <li>P&amp;L ({@link dev.osprey.domain.executor.arbitrage.CrossVenuePnl}): {@code sell_quote −
 *       buy_quote − fees} once both legs are done ({@code COMPLETED}, or {@code EARLY_STOP} after
 *       evening out); {@code net_pnl_pct} divides by the buy notional in quote (the reference
 *       divides by the bought base amount).
 *   <li>Roles {@code buy} / {@code sell}; side() is BUY, the primary market is the buying one.
 * </ul>
 */
package dev.osprey.domain.executor.arbitrage;

