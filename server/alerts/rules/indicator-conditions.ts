import type { BarSeries } from '@/server/analysis/bars';
import { computeIndicator } from '@/server/analysis/indicators';
import type { ConditionOf } from './conditions';
import type { Evaluation, SymbolInput } from './inputs';
import { needsBars } from './needs-bars';
import { allFinite, barsOrReason, isEvaluation, outcome, unjudged } from './outcome';

/**
 * Indicator conditions on daily bars (today's live bar last), through the analysis engine's
 * indicators so alerts agree with the stock page. Levels (RSI, Bollinger) hold while the latest
 * value is beyond them; crosses hold only on the bar where the lines cross.
 */

function last(line: Float64Array | undefined, back = 0): number {
  return line ? line[line.length - 1 - back]! : NaN;
}

type IndicatorCondition = ConditionOf<
  'rsi-below' | 'rsi-above' | 'macd-cross' | 'golden-cross' | 'death-cross' | 'bollinger-break'
>;

function indicatorBars(condition: IndicatorCondition, input: SymbolInput): BarSeries | Evaluation {
  return barsOrReason(input, needsBars(condition));
}

/** No value despite enough bars means the bars have gaps (NaN prices): too few usable bars. */
function warmingUp(condition: IndicatorCondition, input: SymbolInput): Evaluation {
  return unjudged('notEnoughBars', {
    symbol: input.symbol,
    needed: needsBars(condition),
    have: input.bars?.length ?? 0,
  });
}

/** RSI(period) at or below (rsi-below) / at or above (rsi-above) `level`. */
export function evaluateRsi(
  condition: ConditionOf<'rsi-below' | 'rsi-above'>,
  input: SymbolInput,
): Evaluation {
  const bars = indicatorBars(condition, input);
  if (isEvaluation(bars)) return bars;
  const rsi = last(computeIndicator('rsi', bars, { period: condition.period }).lines.rsi);
  if (!allFinite(rsi)) return warmingUp(condition, input);
  const active = condition.kind === 'rsi-below' ? rsi <= condition.level : rsi >= condition.level;
  return outcome(condition.kind, active, rsi, {
    symbol: input.symbol,
    rsi,
    level: condition.level,
    period: condition.period,
  });
}

/** Whether `a` crossed `b` upwards (or downwards) between the last two bars. */
function crossed(a: Float64Array, b: Float64Array, upwards: boolean): boolean {
  const now = last(a) - last(b);
  const before = last(a, 1) - last(b, 1);
  return upwards ? now > 0 && before <= 0 : now < 0 && before >= 0;
}

/** The MACD line crosses its signal line on the latest bar, upwards (bullish) or downwards. */
export function evaluateMacdCross(
  condition: ConditionOf<'macd-cross'>,
  input: SymbolInput,
): Evaluation {
  const bars = indicatorBars(condition, input);
  if (isEvaluation(bars)) return bars;
  const { fast, slow, signal } = condition;
  const lines = computeIndicator('macd', bars, { fast, slow, signal }).lines;
  const macd = lines.macd!;
  const signalLine = lines.signal!;
  if (!allFinite(last(macd), last(signalLine), last(macd, 1), last(signalLine, 1))) {
    return warmingUp(condition, input);
  }
  const active = crossed(macd, signalLine, condition.direction === 'bullish');
  return outcome(condition.kind, active, last(macd) - last(signalLine), {
    symbol: input.symbol,
    direction: condition.direction,
    macdValue: last(macd),
    signalValue: last(signalLine),
    fast,
    slow,
    signal,
  });
}

/** The fast moving average crosses above (golden) or below (death) the slow one on the latest bar. */
export function evaluateAverageCross(
  condition: ConditionOf<'golden-cross' | 'death-cross'>,
  input: SymbolInput,
): Evaluation {
  const bars = indicatorBars(condition, input);
  if (isEvaluation(bars)) return bars;
  const { average, fast, slow } = condition;
  const fastLine = computeIndicator(average, bars, { period: fast }).lines[average]!;
  const slowLine = computeIndicator(average, bars, { period: slow }).lines[average]!;
  if (!allFinite(last(fastLine), last(slowLine), last(fastLine, 1), last(slowLine, 1))) {
    return warmingUp(condition, input);
  }
  const active = crossed(fastLine, slowLine, condition.kind === 'golden-cross');
  return outcome(condition.kind, active, last(fastLine) - last(slowLine), {
    symbol: input.symbol,
    currency: input.currency,
    average: average.toUpperCase(),
    fast,
    slow,
    fastValue: last(fastLine),
    slowValue: last(slowLine),
  });
}

/**
 * The latest close beyond the upper (or lower) Bollinger band: strictly, so a flat series, whose
 * bands collapse onto the price, breaks nothing.
 */
export function evaluateBollingerBreak(
  condition: ConditionOf<'bollinger-break'>,
  input: SymbolInput,
): Evaluation {
  const bars = indicatorBars(condition, input);
  if (isEvaluation(bars)) return bars;
  const { side, period, stddev } = condition;
  const lines = computeIndicator('bollinger', bars, { period, stddev }).lines;
  const close = bars.close[bars.length - 1]!;
  const band = last(side === 'upper' ? lines.upper : lines.lower);
  if (!allFinite(close, band)) return warmingUp(condition, input);
  const active = side === 'upper' ? close > band : close < band;
  return outcome(condition.kind, active, close, {
    symbol: input.symbol,
    currency: input.currency,
    side,
    close,
    band,
    period,
    stddev,
  });
}
