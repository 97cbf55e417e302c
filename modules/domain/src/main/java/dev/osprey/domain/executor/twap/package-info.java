/**
 * The TWAP executor: a quote budget spent in equal-time slices (reference-semantics §2.5 with
 * osprey-decisions applied).
 *
 * <p>Where the reference was silent, ambiguous or defective, Osprey does this:
 *
 * <ul>
 *   <li>Early stop keeps its close type: {@code Stop(keepPosition=false)} cancels what rests and
 *       ends EARLY_STOP (a TWAP never sells back what it bought); {@code Stop(true)} ends
 *       POSITION_HOLD handing every order that executed to the position book (EARLY_STOP when
 *       nothing executed). The reference overwrites both with COMPLETED.
 *   <li>Slice size against the venue: the reference compares {@code order_amount_quote} (quote)
 *       with {@code min_order_size} (base). Osprey checks the slice as the order it would be, at
 *       the first mid it sees: {@code order_amount_quote / mid} floored to the base increment, at
 *       the slice's price (mid, or the MAKER limit price), against min size, min notional and the
 *       increments; a slice that cannot be ordered ends FAILED before any order, recorded as
 *       {@link dev.osprey.domain.executor.twap.OrderSizeRejected}.
 *   <li>The plan is never rebuilt: each order carries its slot in its role ({@code slot_<i>}); a
 *       refused slice is ordered again for the same slot on a later decision, at the earliest one
 *       second after the refusal, and every other slot keeps its order (the reference drops all
 *       but the refused slot). A slice the venue cancelled, filled or not, reopens its slot too.
 *   <li>Committed quote: a live slice counts for what it has left to fill at its limit price
 *       (MARKET slices at the mid); the reference counts its whole amount, so a partly filled
 *       slice would be reserved twice and later slices would come out too small.
 *   <li>MAKER renewal: a slice that rested {@code order_resubmission_time} seconds or more is
 *       cancelled, and its slot is ordered again once the cancel is confirmed (fills racing the
 *       cancel are counted, no slot has two live orders). The executor asks for a wake at the
 *       renewal time, at the next slot time and after a refusal.
 *   <li>Completion: COMPLETED once every slot's order is filled and nothing is live; also once
 *       every slot is due and the share left for the open slots is below the venue minimums
 *       (the budget is as spent as it can be; the reference would retry until FAILED).
 *   <li>Failures: more than 10 refusals (reference: {@code >}) cancel what rests and end FAILED.
 *       A slice refused for balance before anything executed ends INSUFFICIENT_BALANCE at once.
 *   <li>A COMPLETED TWAP hands what it bought to the position book, as POSITION_HOLD does (the
 *       reference keeps it, unattended and invisible to the positions API): the book owns that
 *       P&amp;L, so a completed TWAP reports net 0 with its fees and volume, and a POSITION_HOLD
 *       one only its fees. While running, and after EARLY_STOP or FAILED, P&amp;L is marked to the
 *       live mid (the reference does the same: the inventory is never sold). {@code custom_info}
 *       is Osprey's (the reference has none).
 *   <li>{@code number_of_orders} is capped at {@link
 *       dev.osprey.domain.executor.twap.TwapExecutorConfig#MAX_ORDERS}.
 * </ul>
 */
package dev.osprey.domain.executor.twap;
