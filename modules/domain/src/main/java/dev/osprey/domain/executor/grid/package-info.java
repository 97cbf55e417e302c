/**
 * The grid executor: levels between {@code start_price} and {@code end_price} that each buy (or
 * sell), take their own profit and reopen, under one aggregate barrier (reference-semantics §2.3
 * with osprey-decisions applied).
 *
 * <p>Osprey fixes of reference defects:
 *
 * <ul>
 *   <li>{@code max_open_orders} is a hard cap: an open-order batch never takes the live open
 *       orders above it, also with {@code max_orders_per_batch} unset (the reference only gates:
 *       below the cap it places the whole batch).
 *   <li>The take-profit order type defaults to LIMIT_MAKER (the shared {@code
 *       TripleBarrierConfig} default MARKET would close every level the moment it fills). An
 *       explicit MARKET is honoured.
 *   <li>A trailing-stop trigger of exactly 0 is active (the trigger is absent until activation).
 *   <li>{@code keep_position} keeps the inventory on every barrier (below).
 * </ul>
 *
 * <p>Where the reference was silent, ambiguous or lossy, Osprey does this:
 *
 * <ul>
 *   <li>The level layout is fixed at the first decision with a quote (start, or later if there
 *       was none) and persisted as {@link dev.osprey.domain.executor.grid.GridLevelsPlanned}; the
 *       barriers are checked in the same decision, before any order (reference {@code on_start}).
 *       A time limit already passed at start closes TIME_LIMIT, as the grid reference does.
 *   <li>Level generation: a range narrower than one step gives one level (the reference divides
 *       by zero); at most {@link dev.osprey.domain.executor.grid.GridPlanner#MAX_LEVELS} levels.
 *   <li>Fills are never lost. An open order that ends partly filled (cancelled for the
 *       activation bounds or at shutdown) leaves its level holding what it traded, and the take
 *       profit sells exactly that; a cancelled or refused take profit is replaced for what no take
 *       profit sold yet; partial take-profit fills count towards completing the level, towards
 *       the shutdown close (which sells only what is left) and towards the held orders.
 *   <li>Position metrics use the open orders' limit prices (as the reference) and their executed
 *       size (equal to the order size once filled; the traded part of a cancelled order).
 *       Partial fills of a take profit still working are counted once the level completes.
 *   <li>Once the grid closes flat, every order that traded is realized (the reference forgets the
 *       open orders of levels whose take profit was resting); after POSITION_HOLD the report shows
 *       only the realized cycles and the position book takes the rest.
 *   <li>{@code keep_position} keeps the inventory on every barrier, stop loss included (the
 *       standard's "grid stop-loss recovery"; the reference honours it only at the limit price,
 *       §0 #13): the shutdown starts with the barrier's close type, cancels the working orders and
 *       ends POSITION_HOLD, handing the inventory over; {@code custom_info.shutdown_reason} names
 *       the barrier. With nothing to keep it ends with the barrier's close type (EARLY_STOP at the
 *       limit price, as the reference). Without {@code keep_position} every barrier sells the
 *       inventory at market.
 *   <li>Retries: only refused shutdown closes count (more than {@link
 *       dev.osprey.domain.executor.grid.GridExecutor#MAX_RETRIES} ends FAILED); refused level
 *       orders are simply placed again on a later input, as the reference's loop does. A decision
 *       that records a refusal places nothing new. An open order refused for balance before the
 *       grid traded anything ends it INSUFFICIENT_BALANCE (the reference checks the balance at
 *       start).
 *   <li>Open and take-profit orders below the venue's minimum size after flooring to the base
 *       increment are not placed. {@code deduct_base_fees} is accepted and has no effect: venues
 *       report fees in quote here.
 *   <li>The throttle ({@code order_frequency}) is re-evaluated on the next input; the executor
 *       asks for a wake-up only at its time limit.
 * </ul>
 */
package dev.osprey.domain.executor.grid;
