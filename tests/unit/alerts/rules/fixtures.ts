import { barSeriesFrom, type BarSeries } from '@/server/analysis/bars';
import {
  ruleConditionSchema,
  type HoldingInput,
  type RuleCondition,
  type RuleConditionInput,
  type SymbolInput,
} from '@/server/alerts/rules';

/** Daily bars from closes (open = high = low = close), volume 1,000 unless given. */
export function barsOf(closes: readonly number[], volumes?: readonly number[]): BarSeries {
  return barSeriesFrom(
    closes.map((close, i) => ({
      date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
      open: close,
      high: close,
      low: close,
      close,
      volume: volumes?.[i] ?? 1_000,
    })),
  );
}

/** A KRW stock quote; the last bar's close is the price when bars are given. */
export function symbolInput(overrides: Partial<SymbolInput> = {}): SymbolInput {
  const bars = overrides.bars;
  const price = bars ? String(bars.close[bars.length - 1]) : '80000';
  return {
    symbol: '005930',
    currency: 'KRW',
    price,
    previousClose: '78000',
    volume: null,
    ...overrides,
  };
}

export function holdingInput(overrides: Partial<HoldingInput> = {}): HoldingInput {
  return {
    ...symbolInput(),
    accountId: 'acc-1',
    quantity: '10',
    averageCost: '70000',
    returnRate: 0.1,
    ...overrides,
  };
}

/** A condition parsed as the app stores it (defaults filled in). */
export function condition<C extends RuleConditionInput>(
  input: C,
): Extract<RuleCondition, { kind: C['kind'] }> {
  return ruleConditionSchema.parse(input) as Extract<RuleCondition, { kind: C['kind'] }>;
}
