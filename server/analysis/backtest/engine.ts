import type { BarSeries } from '@/server/analysis/bars';
import type { BacktestOptions, BarRange } from './options';

/** Per-bar decision of a strategy: 1 = BUY, -1 = SELL, 0 = HOLD (see strategies/types.ts). */
export type ActionArray = Int8Array;

export type ExitReason = 'signal' | 'stop-loss' | 'take-profit' | 'open';

/** One round trip. Prices are fill prices (slippage included); money in the series' currency. */
export interface Trade {
  side: 'long' | 'short';
  quantity: number;
  entryIndex: number;
  entryDate: string;
  entryPrice: number;
  exitIndex: number;
  exitDate: string;
  /** For an `open` trade: the last close (marked, not sold). */
  exitPrice: number;
  exitReason: ExitReason;
  /** Net of commissions and taxes on both legs (slippage is in the prices). */
  pnl: number;
  /** pnl / (quantity × entry price). */
  returnPct: number;
  holdingBars: number;
  commission: number;
  tax: number;
  slippage: number;
  /** Still held at the end of the window: marked to the last close, left out of trade stats. */
  open: boolean;
}

export interface SimulationResult {
  range: BarRange;
  /** Mark-to-market equity at each bar's close, index 0 = range.start. */
  equity: Float64Array;
  /** Signed share count held at each bar's close. */
  position: Float64Array;
  trades: Trade[];
  finalCash: number;
  totals: { commission: number; tax: number; slippage: number };
  /** Entry signals that bought nothing because the cash did not cover one share. */
  skippedEntries: number;
}

export interface SimulationProgress {
  done: number;
  total: number;
}

const NO_ORDER = 2;
const PROGRESS_EVERY = 16_384;

/**
 * Event-driven simulation of one instrument. For each bar t in the window, in order:
 * 1. an order decided on bar t−1 fills at bar t's open (next-open model);
 * 2. an open position is checked against its stop-loss / take-profit over bar t's range;
 * 3. the strategy's decision on bar t's close becomes a target (long / flat / short): filled at
 *    t's close (close model) or queued for t+1's open;
 * 4. equity is marked at t's close.
 * `actions[t]` is only read at step 3 of bar t, so nothing after t can influence a fill at or
 * before t. Orders decided on the window's last bar never fill (there is no next open).
 * A bar whose open is not a positive number cannot fill: a queued order waits for the next bar
 * (a close-model order on a bar without a usable close is dropped).
 * The loop allocates nothing per bar: only a Trade object per round trip.
 */
export function simulate(
  series: BarSeries,
  actions: ActionArray,
  options: BacktestOptions,
  range: BarRange,
  onProgress?: (progress: SimulationProgress) => void,
): SimulationResult {
  const { open, high, low, close, dates } = series;
  const { start, end } = range;
  const total = end - start;
  const equity = new Float64Array(total);
  const position = new Float64Array(total);
  const trades: Trade[] = [];

  const slip = options.slippageBps / 10_000;
  const commissionRate = options.commissionRate;
  const taxRate = options.sellTaxRate;
  const stopLoss = options.stopLoss ?? 0;
  const takeProfit = options.takeProfit ?? 0;
  const hasExits = stopLoss > 0 || takeProfit > 0;
  const fillAtClose = options.fill === 'close';
  const shortTarget = options.allowShort ? -1 : 0;
  const sizing = options.sizing;

  let cash = options.initialCash;
  let qty = 0; // signed
  let entryPrice = 0;
  let entryIndex = -1;
  let entryCommission = 0;
  let entryTax = 0;
  let entrySlippage = 0;
  let stopPrice = 0;
  let targetPrice = 0;
  let pending = NO_ORDER;
  let totalCommission = 0;
  let totalTax = 0;
  let totalSlippage = 0;
  let skippedEntries = 0;

  const closePosition = (reference: number, index: number, reason: ExitReason): void => {
    const shares = Math.abs(qty);
    let pnl: number;
    let commission: number;
    let tax = 0;
    let fill: number;
    if (qty > 0) {
      fill = reference * (1 - slip);
      const proceeds = shares * fill;
      commission = proceeds * commissionRate;
      tax = proceeds * taxRate;
      cash += proceeds - commission - tax;
      pnl = shares * (fill - entryPrice) - entryCommission - commission - tax - entryTax;
    } else {
      fill = reference * (1 + slip);
      const cost = shares * fill;
      commission = cost * commissionRate;
      cash -= cost + commission;
      pnl = shares * (entryPrice - fill) - entryCommission - commission - entryTax;
    }
    const slippage = shares * reference * slip;
    totalCommission += commission;
    totalTax += tax;
    totalSlippage += slippage;
    trades.push({
      side: qty > 0 ? 'long' : 'short',
      quantity: shares,
      entryIndex,
      entryDate: dates[entryIndex]!,
      entryPrice,
      exitIndex: index,
      exitDate: dates[index]!,
      exitPrice: fill,
      exitReason: reason,
      pnl,
      returnPct: pnl / (shares * entryPrice),
      holdingBars: index - entryIndex,
      commission: entryCommission + commission,
      tax: entryTax + tax,
      slippage: entrySlippage + slippage,
      open: false,
    });
    qty = 0;
  };

  const openPosition = (direction: number, reference: number, index: number): void => {
    const fill = direction > 0 ? reference * (1 + slip) : reference * (1 - slip);
    // Cost of one share including everything charged at entry; shorts must be coverable by cash.
    const perShare = fill * (1 + commissionRate + (direction < 0 ? taxRate : 0));
    const equityNow = cash; // always flat here, so cash is the equity
    let budget = cash;
    if (sizing.mode === 'fixed-cash') budget = Math.min(cash, sizing.amount);
    else if (sizing.mode === 'fraction') budget = Math.min(cash, sizing.fraction * equityNow);
    let shares = Math.floor(budget / perShare);
    if (sizing.mode === 'fixed-qty') shares = Math.min(shares, sizing.quantity);
    if (!(shares > 0)) {
      skippedEntries++;
      return;
    }
    const value = shares * fill;
    const commission = value * commissionRate;
    const tax = direction < 0 ? value * taxRate : 0;
    if (direction > 0) cash -= value + commission;
    else cash += value - commission - tax;
    qty = direction * shares;
    entryPrice = fill;
    entryIndex = index;
    entryCommission = commission;
    entryTax = tax;
    entrySlippage = shares * reference * slip;
    totalCommission += commission;
    totalTax += tax;
    totalSlippage += entrySlippage;
    if (direction > 0) {
      stopPrice = stopLoss > 0 ? fill * (1 - stopLoss) : -Infinity;
      targetPrice = takeProfit > 0 ? fill * (1 + takeProfit) : Infinity;
    } else {
      stopPrice = stopLoss > 0 ? fill * (1 + stopLoss) : Infinity;
      targetPrice = takeProfit > 0 ? fill * (1 - takeProfit) : -Infinity;
    }
  };

  const moveTo = (target: number, reference: number, index: number): void => {
    const current = qty > 0 ? 1 : qty < 0 ? -1 : 0;
    if (target === current) return;
    if (current !== 0) closePosition(reference, index, 'signal');
    if (target !== 0) openPosition(target, reference, index);
  };

  for (let i = start; i < end; i++) {
    const o = open[i]!;
    // A bar without a usable open (e.g. ^GSPC's open = 0 rows) cannot fill: the order waits.
    const openUsable = o > 0 && o < Infinity;
    if (pending !== NO_ORDER && openUsable) {
      moveTo(pending, o, i);
      pending = NO_ORDER;
    }

    // A position filled at this bar's close has not lived through this bar's range yet.
    if (hasExits && qty !== 0 && openUsable && !(fillAtClose && entryIndex === i)) {
      if (qty > 0) {
        if (o <= stopPrice) closePosition(o, i, 'stop-loss');
        else if (o >= targetPrice) closePosition(o, i, 'take-profit');
        else if (low[i]! <= stopPrice) closePosition(stopPrice, i, 'stop-loss');
        else if (high[i]! >= targetPrice) closePosition(targetPrice, i, 'take-profit');
      } else {
        if (o >= stopPrice) closePosition(o, i, 'stop-loss');
        else if (o <= targetPrice) closePosition(o, i, 'take-profit');
        else if (high[i]! >= stopPrice) closePosition(stopPrice, i, 'stop-loss');
        else if (low[i]! <= targetPrice) closePosition(targetPrice, i, 'take-profit');
      }
    }

    const action = actions[i]!;
    if (action !== 0) {
      const target = action > 0 ? 1 : shortTarget;
      const c = close[i]!;
      if (fillAtClose) {
        if (c > 0 && c < Infinity) moveTo(target, c, i);
      } else if (i + 1 < end) pending = target;
      else pending = NO_ORDER;
    }

    equity[i - start] = cash + qty * close[i]!;
    position[i - start] = qty;
    if (onProgress !== undefined && (i - start + 1) % PROGRESS_EVERY === 0) {
      onProgress({ done: i - start + 1, total });
    }
  }

  if (qty !== 0) {
    const last = end - 1;
    const shares = Math.abs(qty);
    const mark = close[last]!;
    const pnl =
      (qty > 0 ? shares * (mark - entryPrice) : shares * (entryPrice - mark)) -
      entryCommission -
      entryTax;
    trades.push({
      side: qty > 0 ? 'long' : 'short',
      quantity: shares,
      entryIndex,
      entryDate: dates[entryIndex]!,
      entryPrice,
      exitIndex: last,
      exitDate: dates[last]!,
      exitPrice: mark,
      exitReason: 'open',
      pnl,
      returnPct: pnl / (shares * entryPrice),
      holdingBars: last - entryIndex,
      commission: entryCommission,
      tax: entryTax,
      slippage: entrySlippage,
      open: true,
    });
  }
  onProgress?.({ done: total, total });

  return {
    range,
    equity,
    position,
    trades,
    finalCash: cash,
    totals: { commission: totalCommission, tax: totalTax, slippage: totalSlippage },
    skippedEntries,
  };
}
