import type { ConditionKind } from '@/server/alerts/rules/conditions';

/**
 * What the rule form knows about each condition kind: its group in the kind picker, whether it
 * needs a stock, and one field per parameter with the bounds and defaults of the server schema
 * (server/alerts/rules/conditions.ts; a unit test keeps the two in step). Parameters the schema
 * requires without a default start from a common choice (RSI 30/70, a 3× volume spike, …).
 */

export type { ConditionKind };

export type KindGroup = 'price' | 'holdings' | 'portfolio' | 'indicators' | 'strategies';

export const KIND_GROUPS: readonly { group: KindGroup; kinds: readonly ConditionKind[] }[] = [
  { group: 'price', kinds: ['price-above', 'price-below', 'day-change', 'volume-spike'] },
  {
    group: 'holdings',
    kinds: ['holding-day-move', 'holding-return-above', 'holding-return-below'],
  },
  { group: 'portfolio', kinds: ['portfolio-return-above', 'portfolio-return-below'] },
  {
    group: 'indicators',
    kinds: [
      'rsi-below',
      'rsi-above',
      'macd-cross',
      'golden-cross',
      'death-cross',
      'bollinger-break',
    ],
  },
  { group: 'strategies', kinds: ['strategy-signal'] },
];

export const ALL_KINDS: readonly ConditionKind[] = KIND_GROUPS.flatMap((g) => g.kinds);

export function isConditionKind(value: string): value is ConditionKind {
  return (ALL_KINDS as readonly string[]).includes(value);
}

/** Holding and portfolio kinds watch the user's own positions; every other kind one stock. */
export function kindScope(kind: ConditionKind): 'symbol' | 'holding' | 'portfolio' {
  if (kind.startsWith('holding-')) return 'holding';
  if (kind.startsWith('portfolio-')) return 'portfolio';
  return 'symbol';
}

/** `price-above` → `priceAbove`, the kind's key in the `alertRules` catalogue. */
export function kindKey(kind: ConditionKind) {
  return kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as KindMessageKey;
}

export type KindMessageKey =
  | 'priceAbove'
  | 'priceBelow'
  | 'dayChange'
  | 'holdingDayMove'
  | 'holdingReturnAbove'
  | 'holdingReturnBelow'
  | 'portfolioReturnAbove'
  | 'portfolioReturnBelow'
  | 'volumeSpike'
  | 'rsiBelow'
  | 'rsiAbove'
  | 'macdCross'
  | 'goldenCross'
  | 'deathCross'
  | 'bollingerBreak'
  | 'strategySignal';

/** Catalogue groups under `alertRules` that hold a choice's option labels. */
export type ChoiceLabels = 'directions' | 'macdDirections' | 'sides' | 'averages' | 'actions';

export type NumberParam = {
  type: 'number';
  name: string;
  min: number;
  max: number;
  /** The minimum itself is not allowed (a move of 0 %, a 1× volume "spike"). */
  exclusiveMin?: boolean;
  integer?: boolean;
  default: number;
};
export type ChoiceParam = {
  type: 'choice';
  name: string;
  options: readonly string[];
  labels: ChoiceLabels;
  default: string;
};
/** A decimal price in the stock's currency, prefilled from its quote. */
export type PriceParam = { type: 'price'; name: 'price' };
export type ParamSpec = NumberParam | ChoiceParam | PriceParam;

const int = (name: string, min: number, max: number, fallback: number): NumberParam => ({
  type: 'number',
  name,
  min,
  max,
  integer: true,
  default: fallback,
});

const movePercent = (fallback: number): NumberParam => ({
  type: 'number',
  name: 'percent',
  min: 0,
  max: 1000,
  exclusiveMin: true,
  default: fallback,
});

const returnPercent = (fallback: number): NumberParam => ({
  type: 'number',
  name: 'percent',
  min: -100,
  max: 100_000,
  default: fallback,
});

const moveDirection: ChoiceParam = {
  type: 'choice',
  name: 'direction',
  options: ['either', 'up', 'down'],
  labels: 'directions',
  default: 'either',
};

const rsi = (level: number): ParamSpec[] => [
  { type: 'number', name: 'level', min: 0, max: 100, default: level },
  int('period', 2, 500, 14),
];

const maCross: ParamSpec[] = [
  int('fast', 1, 1000, 50),
  int('slow', 2, 2000, 200),
  { type: 'choice', name: 'average', options: ['sma', 'ema'], labels: 'averages', default: 'sma' },
];

/** The strategy itself and its parameters are chosen from `indicators.strategies`. */
const strategyAction: ChoiceParam = {
  type: 'choice',
  name: 'action',
  options: ['BUY', 'SELL'],
  labels: 'actions',
  default: 'BUY',
};

export const KIND_PARAMS: Record<ConditionKind, readonly ParamSpec[]> = {
  'price-above': [{ type: 'price', name: 'price' }],
  'price-below': [{ type: 'price', name: 'price' }],
  'day-change': [movePercent(5), moveDirection],
  'holding-day-move': [movePercent(3), moveDirection],
  'holding-return-above': [returnPercent(20)],
  'holding-return-below': [returnPercent(-10)],
  'portfolio-return-above': [returnPercent(20)],
  'portfolio-return-below': [returnPercent(-10)],
  'volume-spike': [
    { type: 'number', name: 'multiple', min: 1, max: 1000, exclusiveMin: true, default: 3 },
    int('lookback', 1, 250, 20),
  ],
  'rsi-below': rsi(30),
  'rsi-above': rsi(70),
  'macd-cross': [
    {
      type: 'choice',
      name: 'direction',
      options: ['bullish', 'bearish'],
      labels: 'macdDirections',
      default: 'bullish',
    },
    int('fast', 1, 500, 12),
    int('slow', 2, 1000, 26),
    int('signal', 1, 500, 9),
  ],
  'golden-cross': maCross,
  'death-cross': maCross,
  'bollinger-break': [
    {
      type: 'choice',
      name: 'side',
      options: ['upper', 'lower'],
      labels: 'sides',
      default: 'upper',
    },
    int('period', 2, 1000, 20),
    { type: 'number', name: 'stddev', min: 0, max: 10, exclusiveMin: true, default: 2 },
  ],
  'strategy-signal': [strategyAction],
};

/** Kinds whose `fast` period must stay below `slow` (the server checks it too). */
export function hasFastSlow(kind: ConditionKind): boolean {
  return kind === 'macd-cross' || kind === 'golden-cross' || kind === 'death-cross';
}

/** Which alert severity a new rule of this kind starts with. */
export function defaultSeverity(kind: ConditionKind): 'info' | 'warning' | 'critical' {
  return kind === 'portfolio-return-below' || kind === 'holding-return-below' ? 'warning' : 'info';
}
