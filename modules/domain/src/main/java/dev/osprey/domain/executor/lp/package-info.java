/**
 * The LP executor ({@code lp_executor}): one concentrated-liquidity position on a pool simulated
 * inside the domain (reference-semantics §2.8 with the spec's out-of-range auto close).
 *
 * <p>There is no on-chain venue, so Osprey simulates the pool, deterministically:
 *
 * <ul>
 *   <li><b>Pool price</b> = the mid of the executor's market {@code (connector_name,
 *       trading_pair)}. Opening and closing are instant and place no venue orders; each costs
 *       {@code tx_fee_quote}.
 *   <li><b>Liquidity</b> (Uniswap v3 formulas, {@link
 *       dev.osprey.domain.executor.lp.ConcentratedLiquidity}): the largest {@code L} the deposit
 *       funds at the opening price; the deposit is what {@code L} holds there (a surplus of one
 *       token stays in the wallet). Amounts that fund nothing (a quote-only deposit with the price
 *       inside or below the range, for example) end the executor FAILED without opening.
 *   <li><b>Fees</b>: on each recorded price move the position earns {@code fee_tier} of what
 *       traders paid into it, only over the part of the move inside the range: quote {@code
 *       L·(√P1 − √P0)} on the way up, base {@code L·(1/√P1 − 1/√P0)} on the way down. Fees are
 *       kept apart (they do not compound into {@code L}). Moves the position cannot see (the
 *       price stays on one side outside the range) are not journaled.
 *   <li><b>States</b>: NOT_ACTIVE → OPENING (waiting for the first pool price) → IN_RANGE ⇄
 *       OUT_OF_RANGE → COMPLETE (or FAILED), reported in {@code custom_info.state}; the range
 *       bounds count as in range. Persisted facts: {@link
 *       dev.osprey.domain.executor.lp.LpLiquidityAdded}, {@link
 *       dev.osprey.domain.executor.lp.LpFeesAccrued}, {@link
 *       dev.osprey.domain.executor.lp.LpRangeChanged}, {@link
 *       dev.osprey.domain.executor.lp.LpLiquidityRemoved}.
 *   <li><b>Closing</b>: a stop (its own {@code keep_position}), an out-of-range deadline ({@code
 *       auto_close_above_range_seconds} / {@code auto_close_below_range_seconds} since the price
 *       last left the range or switched sides; woken by {@code wakeUpAt}) or a limit price ({@code
 *       price >= upper_limit_price}, {@code price <= lower_limit_price}). The two self-closes use
 *       the config's {@code keep_position}: POSITION_HOLD when keeping, EARLY_STOP otherwise (the
 *       spec-era reference closed on the deadline with EARLY_STOP regardless).
 *   <li><b>keep_position</b>: the round trip's net change (withdrawn + fees − deposited) is handed
 *       over as one held order {@code <id>-lp} (BUY when base grew and quote shrank, SELL for the
 *       reverse, threshold 0.0001, carrying all transaction fees). Without it the net base is
 *       swapped back on the simulated pool at the closing price without a fee (shown as {@code
 *       custom_info.closeout_swap}), not on the venue: the simulated deposit never moved venue
 *       balances, so a venue order would trade inventory the account never received. Either way
 *       the P&amp;L is the same.
 *   <li><b>P&amp;L</b> = base·px + quote + base_fee·px + quote_fee − (initial_base·open_px +
 *       initial_quote) − tx fees, {@code net_pnl_pct} over the initial value, {@code
 *       cum_fees_quote} = tx fees, {@code filled_amount_quote} = initial value; final at the
 *       closing price once closed.
 * </ul>
 *
 * <p>Osprey choices where the reference is silent: a stop before the deposit, and a pool price
 * already at a limit when it would open, end EARLY_STOP without a round trip; a price that
 * arrives after a missed out-of-range deadline still closes (the price was out of range until
 * then), at that price.
 */
package dev.osprey.domain.executor.lp;
