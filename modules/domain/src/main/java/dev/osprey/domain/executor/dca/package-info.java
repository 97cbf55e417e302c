/**
 * The DCA executor: entry levels placed one by one, one exit for the whole position
 * (reference-semantics §2.4 with osprey-decisions applied).
 *
 * <p>Where the reference was silent, ambiguous or defective, Osprey does this:
 *
 * <ul>
 *   <li>Keep-position stop hands over: {@code Stop(keepPosition=true)} cancels the resting
 *       levels, waits for the cancels (fills racing them count) and ends POSITION_HOLD with every
 *       order that traded in {@link dev.osprey.domain.executor.dca.DcaExecutor#heldOrders()} (the
 *       reference records none). Nothing filled: EARLY_STOP, as the position executor. A held
 *       executor reports only its fees (trade part and volume zero), since the position book owns
 *       that P&amp;L from then on.
 *   <li>Venue minimums: the reference refuses, when it builds the executor, any level with {@code
 *       amount_quote < min_notional} or {@code amount_quote / price < min_order_size}. Osprey
 *       checks the order each level would send (amount and price floored to the venue increments)
 *       against the market view's trading rules at start, records {@link
 *       dev.osprey.domain.executor.dca.LevelRejected} naming the first bad level, and ends FAILED
 *       before any order; this check comes before the EXPIRED check, as in the reference.
 *   <li>Levels: a refused level is placed again (same level, same role {@code level_<i>}) on a
 *       later decision, at the earliest one second after the refusal (the executor asks for that
 *       wake); a level cancelled by the venue counts as placed and is not replaced. Placed levels
 *       are never cancelled while running. Fills of every order count, cancelled ones included.
 *   <li>Barriers: stop loss, trailing stop and take profit are judged only with a quote and once
 *       something filled (with nothing filled there is nothing to protect; the reference's numbers
 *       are all zero then anyway). A trailing-stop trigger of exactly 0 is active.
 *   <li>Retries: the reference's DCA fails when its refusals reach the limit ({@code >=}, limit 10
 *       as the orchestrator passes). Osprey then closes what filled at market and ends FAILED
 *       (the reference stops and leaves the position unmanaged). An entry refused for balance
 *       before anything filled ends INSUFFICIENT_BALANCE at once (resting levels cancelled); later
 *       balance refusals count as retries.
 *   <li>Closing: one market close at a time for what is open and orderable; fills that arrive
 *       during the close are closed afterwards; the close ends when what is left is below the
 *       venue's minimum size (the reference waits for exact equality). The reported close price is
 *       the average of every close fill (the reference uses the first close order only).
 *   <li>A stop while closing is ignored; a stop before start ends EARLY_STOP without orders.
 * </ul>
 */
package dev.osprey.domain.executor.dca;
