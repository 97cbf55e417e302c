/**
 * The swap executor ({@code swap_executor}): one spot swap routed through a paper router
 * (reference-semantics §2.9, branch {@code feature/swap-executor}).
 *
 * <ul>
 *   <li><b>Quotes</b>: each configured provider quotes a price derived from the venue's mid with
 *       a fixed spread ({@link dev.osprey.domain.executor.swap.SwapProviders}); the best wins
 *       (lowest for BUY, highest for SELL, first listed on a tie). An unknown provider is a
 *       validation error listing the known ones; no list means every known provider.
 *   <li><b>Execution</b>: one LIMIT order on {@code connector_name} at the best quote moved by
 *       {@code slippage_pct} against the swap ({@code ·(1 + s)} for BUY, {@code ·(1 − s)} for
 *       SELL), floored to the price increment, amount floored to the base increment. It is
 *       treated as immediate-or-cancel: not completely filled within {@link
 *       dev.osprey.domain.executor.swap.SwapExecutor#FILL_TIMEOUT}, or the venue's taker price
 *       beyond the limit, and it is cancelled; the swap ends FAILED with {@code last_error}. A
 *       venue refusal ends it FAILED (INSUFFICIENT_BALANCE for funds) at once: a swap is one
 *       attempt, the caller retries with a new executor. An amount the venue rules forbid ends it
 *       FAILED before any order.
 *   <li><b>Close types and hand-over</b>: COMPLETED when the whole amount filled; FAILED as
 *       above; EARLY_STOP when stopped (before the order, or with the order cancelled). A swap is
 *       inventory its caller keeps ({@code keep_position} is always true, the stop's flag is
 *       ignored as in the reference), so every fill, partial ones included, is in {@code
 *       heldOrders()} whatever the close type, and the engine hands it to the position book.
 *       COMPLETED rather than POSITION_HOLD keeps the reference's close type for a finished swap.
 *   <li><b>Numbers</b>: {@code net_pnl_quote} and {@code net_pnl_pct} 0 (the position book
 *       realizes the P&amp;L), {@code cum_fees_quote} = fill fees, {@code filled_amount_quote} =
 *       executed base × executed price. States NOT_STARTED, EXECUTING, COMPLETED, FAILED in
 *       {@code custom_info.state} (any end other than COMPLETED shows FAILED, as the reference
 *       does for an early stop). Persisted fact of its own: {@link
 *       dev.osprey.domain.executor.swap.SwapRouteChosen}.
 * </ul>
 */
package dev.osprey.domain.executor.swap;
