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

/** `array` cut to `length` elements; it must hold at least that many. */
function fitted(array: Float64Array, length: number): Float64Array {
  if (array.length < length) throw new RangeError(`curve array shorter than ${length} bars`);
  return array.length === length ? array : array.subarray(0, length);
}

/**
 * Cash, position and cost totals of one simulation, with the fills that change them. A class
 * rather than closures over `let`s: V8 keeps the numeric fields in place, where closure-captured
 * variables would box a new number on every write and slow every per-bar read.
 */
class Account {
  cash: number;
  qty = 0; // signed
  entryPrice = 0;
  entryIndex = -1;
  entryCommission = 0;
  entryTax = 0;
  entrySlippage = 0;
  stopPrice = 0;
  targetPrice = 0;
  totalCommission = 0;
  totalTax = 0;
  totalSlippage = 0;
  skippedEntries = 0;
  readonly trades: Trade[] = [];
  private readonly slip: number;
  private readonly commissionRate: number;
  private readonly taxRate: number;
  private readonly stopLoss: number;
  private readonly takeProfit: number;
  private readonly sizing: BacktestOptions['sizing'];

  constructor(
    options: BacktestOptions,
    private readonly dates: readonly string[],
  ) {
    this.cash = options.initialCash;
    this.slip = options.slippageBps / 10_000;
    this.commissionRate = options.commissionRate;
    this.taxRate = options.sellTaxRate;
    this.stopLoss = options.stopLoss ?? 0;
    this.takeProfit = options.takeProfit ?? 0;
    this.sizing = options.sizing;
  }

  close(reference: number, index: number, reason: ExitReason): void {
    const { qty, slip, commissionRate, entryPrice, entryCommission, entryTax } = this;
    const shares = Math.abs(qty);
    let pnl: number;
    let commission: number;
    let tax = 0;
    let fill: number;
    if (qty > 0) {
      fill = reference * (1 - slip);
      const proceeds = shares * fill;
      commission = proceeds * commissionRate;
      tax = proceeds * this.taxRate;
      this.cash += proceeds - commission - tax;
      pnl = shares * (fill - entryPrice) - entryCommission - commission - tax - entryTax;
    } else {
      fill = reference * (1 + slip);
      const cost = shares * fill;
      commission = cost * commissionRate;
      this.cash -= cost + commission;
      pnl = shares * (entryPrice - fill) - entryCommission - commission - entryTax;
    }
    const slippage = shares * reference * slip;
    this.totalCommission += commission;
    this.totalTax += tax;
    this.totalSlippage += slippage;
    const entryIndex = this.entryIndex;
    this.trades.push({
      side: qty > 0 ? 'long' : 'short',
      quantity: shares,
      entryIndex,
      entryDate: this.dates[entryIndex]!,
      entryPrice,
      exitIndex: index,
      exitDate: this.dates[index]!,
      exitPrice: fill,
      exitReason: reason,
      pnl,
      returnPct: pnl / (shares * entryPrice),
      holdingBars: index - entryIndex,
      commission: entryCommission + commission,
      tax: entryTax + tax,
      slippage: this.entrySlippage + slippage,
      open: false,
    });
    this.qty = 0;
  }

  open(direction: number, reference: number, index: number): void {
    const { slip, commissionRate, taxRate, sizing, stopLoss, takeProfit } = this;
    const cash = this.cash;
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
      this.skippedEntries++;
      return;
    }
    const value = shares * fill;
    const commission = value * commissionRate;
    const tax = direction < 0 ? value * taxRate : 0;
    if (direction > 0) this.cash = cash - (value + commission);
    else this.cash = cash + (value - commission - tax);
    this.qty = direction * shares;
    this.entryPrice = fill;
    this.entryIndex = index;
    this.entryCommission = commission;
    this.entryTax = tax;
    const entrySlippage = shares * reference * slip;
    this.entrySlippage = entrySlippage;
    this.totalCommission += commission;
    this.totalTax += tax;
    this.totalSlippage += entrySlippage;
    if (direction > 0) {
      this.stopPrice = stopLoss > 0 ? fill * (1 - stopLoss) : -Infinity;
      this.targetPrice = takeProfit > 0 ? fill * (1 + takeProfit) : Infinity;
    } else {
      this.stopPrice = stopLoss > 0 ? fill * (1 + stopLoss) : Infinity;
      this.targetPrice = takeProfit > 0 ? fill * (1 - takeProfit) : -Infinity;
    }
  }

  moveTo(target: number, reference: number, index: number): void {
    const qty = this.qty;
    const current = qty > 0 ? 1 : qty < 0 ? -1 : 0;
    if (target === current) return;
    if (current !== 0) this.close(reference, index, 'signal');
    if (target !== 0) this.open(target, reference, index);
  }
}

/**
 * Event-driven simulation of one instrument. For each bar t in the window, in order:
 * 1. an order decided on bar t−1 fills at bar t's open (next-open model);
 * 2. an open position is checked against its stop-loss / take-profit over bar t's range;
 * 3. the strategy's decision on bar t's close becomes a target (long / flat / short): filled at
 *    t's close (close model) or queued for t+1's open;
 * 4. equity is marked at t's close.
 * `actions[t]` is only acted on at step 3 of bar t, so nothing after t can influence a fill at or
 * before t. Orders decided on the window's last bar never fill (there is no next open).
 * A bar whose open is not a positive number cannot fill: a queued order waits for the next bar
 * (a close-model order on a bar without a usable close is dropped).
 * The loop allocates nothing per bar: only a Trade object per round trip. `curves` (optional)
 * are arrays to write the equity and position curves into instead of allocating them.
 */
export function simulate(
  series: BarSeries,
  actions: ActionArray,
  options: BacktestOptions,
  range: BarRange,
  onProgress?: (progress: SimulationProgress) => void,
  curves?: { equity: Float64Array; position: Float64Array },
): SimulationResult {
  const { open, high, low, close, dates } = series;
  const { start, end } = range;
  const total = end - start;
  // Every element is written below, so caller-provided arrays need no clearing.
  const equity = curves ? fitted(curves.equity, total) : new Float64Array(total);
  const position = curves ? fitted(curves.position, total) : new Float64Array(total);
  const account = new Account(options, dates);
  const hasExits = (options.stopLoss ?? 0) > 0 || (options.takeProfit ?? 0) > 0;
  const fillAtClose = options.fill === 'close';
  const shortTarget = options.allowShort ? -1 : 0;
  let pending = NO_ORDER;
  // Cash and position between fills, re-read after each one (the per-bar mark needs only these).
  let cash = account.cash;
  let qty = 0;

  for (let i = start; i < end; i++) {
    // Quiet stretch (no order queued, no stop to watch, no decision): every bar is only marked,
    // with cash and position unchanged, so a tight loop does it (same arithmetic per bar).
    if (pending === NO_ORDER && !(hasExits && qty !== 0) && onProgress === undefined) {
      let j = i;
      while (j < end && actions[j] === 0) {
        equity[j - start] = cash + qty * close[j]!;
        j++;
      }
      position.fill(qty, i - start, j - start);
      i = j;
      if (i >= end) break;
    }
    const action = actions[i]!;
    // Most bars have no order to fill, no stop to watch and no new decision: they are only marked.
    if (pending !== NO_ORDER || action !== 0 || (hasExits && qty !== 0)) {
      const o = open[i]!;
      // A bar without a usable open (e.g. ^GSPC's open = 0 rows) cannot fill: the order waits.
      const openUsable = o > 0 && o < Infinity;
      if (pending !== NO_ORDER && openUsable) {
        account.moveTo(pending, o, i);
        pending = NO_ORDER;
        cash = account.cash;
        qty = account.qty;
      }

      // A position filled at this bar's close has not lived through this bar's range yet.
      if (hasExits && qty !== 0 && openUsable && !(fillAtClose && account.entryIndex === i)) {
        const { stopPrice, targetPrice } = account;
        if (qty > 0) {
          if (o <= stopPrice) account.close(o, i, 'stop-loss');
          else if (o >= targetPrice) account.close(o, i, 'take-profit');
          else if (low[i]! <= stopPrice) account.close(stopPrice, i, 'stop-loss');
          else if (high[i]! >= targetPrice) account.close(targetPrice, i, 'take-profit');
        } else {
          if (o >= stopPrice) account.close(o, i, 'stop-loss');
          else if (o <= targetPrice) account.close(o, i, 'take-profit');
          else if (high[i]! >= stopPrice) account.close(stopPrice, i, 'stop-loss');
          else if (low[i]! <= targetPrice) account.close(targetPrice, i, 'take-profit');
        }
        cash = account.cash;
        qty = account.qty;
      }

      // The decision on this bar's close (read only now: nothing after bar i affects it).
      if (action !== 0) {
        const target = action > 0 ? 1 : shortTarget;
        const c = close[i]!;
        if (fillAtClose) {
          if (c > 0 && c < Infinity) {
            account.moveTo(target, c, i);
            cash = account.cash;
            qty = account.qty;
          }
        } else if (i + 1 < end) pending = target;
        else pending = NO_ORDER;
      }
    }

    equity[i - start] = cash + qty * close[i]!;
    position[i - start] = qty;
    if (onProgress !== undefined && (i - start + 1) % PROGRESS_EVERY === 0) {
      onProgress({ done: i - start + 1, total });
    }
  }

  const { trades } = account;
  if (qty !== 0) {
    const { entryIndex, entryPrice, entryCommission, entryTax } = account;
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
      slippage: account.entrySlippage,
      open: true,
    });
  }
  onProgress?.({ done: total, total });

  return {
    range,
    equity,
    position,
    trades,
    finalCash: account.cash,
    totals: {
      commission: account.totalCommission,
      tax: account.totalTax,
      slippage: account.totalSlippage,
    },
    skippedEntries: account.skippedEntries,
  };
}
