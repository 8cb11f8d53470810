import type { ConditionOf, MoveDirection } from './conditions';
import { RuleDecimal } from './decimal';
import type { Evaluation, HoldingInput, SymbolInput } from './inputs';
import { barsOrReason, decimalOrNull, isEvaluation, outcome, unjudged } from './outcome';

/** Price at or above (price-above) / at or below (price-below) the threshold, in decimals. */
export function evaluatePriceLevel(
  condition: ConditionOf<'price-above' | 'price-below'>,
  input: SymbolInput,
): Evaluation {
  const { symbol, currency } = input;
  const price = decimalOrNull(input.price);
  if (!price) return unjudged('noPrice', { symbol });
  const threshold = new RuleDecimal(condition.price);
  const active = condition.kind === 'price-above' ? price.gte(threshold) : price.lte(threshold);
  return outcome(condition.kind, active, price.toFixed(), {
    symbol,
    currency,
    price: price.toFixed(),
    threshold: condition.price,
  });
}

function moveMatches(change: RuleDecimal, percent: number, direction: MoveDirection): boolean {
  if (direction === 'up') return change.gte(percent);
  if (direction === 'down') return change.lte(-percent);
  return change.abs().gte(percent);
}

/**
 * Today's change versus the previous close, in percent, reaching `percent` in `direction`
 * (day-change for any symbol, holding-day-move for a holding).
 */
export function evaluateDayMove(
  condition: ConditionOf<'day-change' | 'holding-day-move'>,
  input: SymbolInput | HoldingInput,
): Evaluation {
  const { symbol, currency } = input;
  const price = decimalOrNull(input.price);
  if (!price) return unjudged('noPrice', { symbol });
  const previousClose = decimalOrNull(input.previousClose);
  if (!previousClose || previousClose.lte(0)) return unjudged('noPreviousClose', { symbol });
  const change = price.minus(previousClose).div(previousClose).times(100);
  const observed = change.toNumber();
  return outcome(
    condition.kind,
    moveMatches(change, condition.percent, condition.direction),
    observed,
    {
      symbol,
      currency,
      price: price.toFixed(),
      previousClose: previousClose.toFixed(),
      change: observed,
      percent: condition.percent,
      direction: condition.direction,
      move: change.gt(0) ? 'up' : change.lt(0) ? 'down' : 'flat',
    },
  );
}

/**
 * Today's volume (the quote's, else the live bar's) at least `multiple` × the mean volume of the
 * `lookback` daily bars before today's.
 */
export function evaluateVolumeSpike(
  condition: ConditionOf<'volume-spike'>,
  input: SymbolInput,
): Evaluation {
  const { symbol } = input;
  const { lookback, multiple } = condition;
  const bars = barsOrReason(input, lookback + 1);
  if (isEvaluation(bars)) return bars;
  const today = bars.length - 1;
  const volume = input.volume ?? bars.volume[today]!;
  if (!Number.isFinite(volume)) return unjudged('noVolume', { symbol });
  let sum = 0;
  for (let i = today - lookback; i < today; i++) sum += bars.volume[i]!;
  const averageVolume = sum / lookback;
  if (!(averageVolume > 0)) return unjudged('noAverageVolume', { symbol, lookback });
  const ratio = volume / averageVolume;
  return outcome(condition.kind, ratio >= multiple, ratio, {
    symbol,
    volume,
    averageVolume: Math.round(averageVolume),
    ratio,
    multiple,
    lookback,
  });
}
