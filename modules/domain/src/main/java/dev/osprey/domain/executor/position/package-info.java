/**
 * The position executor: one entry order, triple-barrier exits (reference-semantics §2.1 with
 * osprey-decisions applied).
 *
 * <p>Where the reference was silent, ambiguous or defective, Osprey does this:
 *
 * <ul>
 *   <li>Fills are never lost: the entry and exit legs sum every order of their role, including a
 *       cancelled or refused one, so a fill that races a cancel stays in the position, in the P&amp;L
 *       and in the held orders (the reference forgets a cancelled order's fills).
 *   <li>Only an entry order that has not traded is cancelled for leaving the activation bounds; a
 *       re-placed entry orders only what is still to buy. The barriers wait until nothing more can
 *       be bought: no live entry order and a rest below the venue's minimum size.
 *   <li>Retries are paced by inputs: the decision that records a refused order places no
 *       replacement, the next decision does. Every refusal counts as a retry except an entry
 *       refused for balance before any fill, which ends INSUFFICIENT_BALANCE at once. More than
 *       {@link dev.osprey.domain.executor.position.PositionExecutor#MAX_RETRIES} retries while
 *       running closes with FAILED (one market close of what filled); while closing, the executor
 *       ends FAILED once its orders are done instead of retrying forever.
 *   <li>A close finishes when what is left open is too small to order (the reference would retry
 *       such dust until FAILED); further entry fills during the close are closed afterwards, one
 *       close order at a time.
 *   <li>A trailing-stop trigger of exactly 0 is active (the trigger is absent until activation).
 *   <li>Take-profit orders (LIMIT / LIMIT_MAKER) rest as soon as the entry is complete; they are
 *       not subject to the activation bounds. Position hold hands over every order that traded,
 *       partial fills and take-profit fills included.
 *   <li>A stop request while the executor is already closing is ignored; a stop before start ends
 *       it EARLY_STOP without orders.
 * </ul>
 */
package dev.osprey.domain.executor.position;
