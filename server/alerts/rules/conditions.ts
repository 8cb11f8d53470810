import { z } from 'zod';
import { barSeriesFrom } from '@/server/analysis/bars';
import { computeSignals, listStrategies } from '@/server/analysis/strategies/registry';
import { isDomainError } from '@/server/errors';
import { RuleDecimal } from './decimal';

/**
 * What a rule watches. Every condition is a plain JSON object discriminated by `kind`, stored as
 * is on the rule and validated by `ruleConditionSchema` (which fills the documented defaults).
 *
 * Conventions: percent parameters are percent numbers (3 = 3 %); prices are decimal strings in
 * the instrument's currency (compared with decimal.js, never floats); "above" means at or above
 * and "below" at or below, so a threshold that is exactly reached counts (a Bollinger break alone
 * is strict: beyond the band).
 */
export const conditionKinds = [
  'price-above',
  'price-below',
  'day-change',
  'holding-day-move',
  'holding-return-above',
  'holding-return-below',
  'portfolio-return-above',
  'portfolio-return-below',
  'volume-spike',
  'rsi-below',
  'rsi-above',
  'macd-cross',
  'golden-cross',
  'death-cross',
  'bollinger-break',
  'strategy-signal',
] as const;
export type ConditionKind = (typeof conditionKinds)[number];

/**
 * What a rule is evaluated against: one symbol's market data, one holding (a symbol inside one of
 * the user's accounts) or the user's whole portfolio.
 */
export type ConditionScope = 'symbol' | 'holding' | 'portfolio';

const scopes = {
  'price-above': 'symbol',
  'price-below': 'symbol',
  'day-change': 'symbol',
  'holding-day-move': 'holding',
  'holding-return-above': 'holding',
  'holding-return-below': 'holding',
  'portfolio-return-above': 'portfolio',
  'portfolio-return-below': 'portfolio',
  'volume-spike': 'symbol',
  'rsi-below': 'symbol',
  'rsi-above': 'symbol',
  'macd-cross': 'symbol',
  'golden-cross': 'symbol',
  'death-cross': 'symbol',
  'bollinger-break': 'symbol',
  'strategy-signal': 'symbol',
} as const satisfies Record<ConditionKind, ConditionScope>;

export type ScopeOf<K extends ConditionKind> = (typeof scopes)[K];

export function conditionScope<K extends ConditionKind>(kind: K): ScopeOf<K> {
  return scopes[kind];
}

const PRICE_FORMAT = /^\d{1,15}(\.\d{1,8})?$/;
const PRICE_HINT = 'a decimal string such as "80000" or "182.5" (up to 8 decimals)';

/** A positive decimal string, normalised ("080000.50" → "80000.5"). */
const price = z
  .string({ error: `price must be ${PRICE_HINT}` })
  .trim()
  .regex(PRICE_FORMAT, { error: `price must be ${PRICE_HINT}`, abort: true })
  .refine((value) => new RuleDecimal(value).gt(0), { error: 'price must be greater than 0' })
  .transform((value) => new RuleDecimal(value).toFixed());

const number = (name: string) => z.number({ error: `${name} must be a number` });

const integer = (name: string, min: number, max: number, fallback: number) =>
  number(name)
    .int({ error: `${name} must be a whole number` })
    .min(min, { error: `${name} must be at least ${min}` })
    .max(max, { error: `${name} must be at most ${max}` })
    .default(fallback);

/** A size of move in percent (3 = 3 %), strictly positive. */
const movePercent = number('percent')
  .positive({ error: 'percent must be greater than 0 (3 means 3%)' })
  .max(1000, { error: 'percent must be at most 1000' });

/** A return level in percent; negative levels are losses (−10 = a 10 % loss). */
const returnPercent = number('percent')
  .min(-100, { error: 'percent must be at least -100 (a return cannot fall below -100%)' })
  .max(100_000, { error: 'percent must be at most 100000' });

/** Direction of a day's move; `either` (the default) matches a rise or a fall. */
export const moveDirections = ['up', 'down', 'either'] as const;
export type MoveDirection = (typeof moveDirections)[number];
const direction = z
  .enum(moveDirections, { error: 'direction must be up, down or either' })
  .default('either');

/** A condition's parameters: unknown names are rejected, naming the parameter and the kind. */
const conditionOf = <K extends string, S extends z.core.$ZodLooseShape>(kind: K, shape: S) =>
  z.strictObject(
    { kind: z.literal(kind), ...shape },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown parameter ${issue.keys.map((k) => `"${k}"`).join(', ')} for ${kind}`
          : undefined,
    },
  );

const fastBeforeSlow = (c: { fast: number; slow: number }) => c.fast < c.slow;
const fastBeforeSlowIssue = { error: 'fast must be less than slow', path: ['fast'] };

const priceCondition = <K extends string>(kind: K) => conditionOf(kind, { price });

const returnCondition = <K extends string>(kind: K) =>
  conditionOf(kind, { percent: returnPercent });

const dayMove = <K extends string>(kind: K) =>
  conditionOf(kind, { percent: movePercent, direction });

const rsiCondition = <K extends string>(kind: K) =>
  conditionOf(kind, {
    level: number('level')
      .min(0, { error: 'level must be between 0 and 100' })
      .max(100, { error: 'level must be between 0 and 100' }),
    period: integer('period', 2, 500, 14),
  });

/** Golden cross: fast average crosses above the slow one; death cross: below. SMA by default. */
const maCross = <K extends string>(kind: K) =>
  conditionOf(kind, {
    fast: integer('fast', 1, 1000, 50),
    slow: integer('slow', 2, 2000, 200),
    average: z.enum(['sma', 'ema'], { error: 'average must be sma or ema' }).default('sma'),
  }).refine(fastBeforeSlow, fastBeforeSlowIssue);

const knownStrategies = () => listStrategies().map((s) => s.id);
const NO_BARS = barSeriesFrom([]);

/**
 * Strategy parameters are checked by the analysis engine itself (bounds, whole numbers, unknown
 * names, cross-field rules such as fast < slow): computing on an empty series only resolves them.
 */
function strategyParamsProblem(strategy: string, params: unknown): string | null {
  try {
    computeSignals(NO_BARS, strategy, params);
    return null;
  } catch (error) {
    if (isDomainError(error)) return error.message;
    throw error;
  }
}

export const ruleConditionSchema = z.discriminatedUnion(
  'kind',
  [
    /** Price at or above / at or below `price` (the instrument's currency). */
    priceCondition('price-above'),
    priceCondition('price-below'),
    /** Today's change versus the previous close reaches `percent` in `direction`. */
    dayMove('day-change'),
    /** The same for a stock the user holds (built-in; one alert per holding). */
    dayMove('holding-day-move'),
    /** A holding's unrealised return (on cost) at or above / at or below `percent`. */
    returnCondition('holding-return-above'),
    returnCondition('holding-return-below'),
    /** The portfolio's simple return at or above / at or below `percent`. */
    returnCondition('portfolio-return-above'),
    returnCondition('portfolio-return-below'),
    /** Today's volume is at least `multiple` × the average of the previous `lookback` days. */
    conditionOf('volume-spike', {
      multiple: number('multiple')
        .gt(1, { error: 'multiple must be greater than 1 (2 means twice the average volume)' })
        .max(1000, { error: 'multiple must be at most 1000' }),
      lookback: integer('lookback', 1, 250, 20),
    }),
    /** RSI(period, Wilder) at or below / at or above `level`. */
    rsiCondition('rsi-below'),
    rsiCondition('rsi-above'),
    /** MACD line crosses its signal line on the latest bar (bullish: upwards). */
    conditionOf('macd-cross', {
      direction: z.enum(['bullish', 'bearish'], {
        error: 'direction must be bullish or bearish',
      }),
      fast: integer('fast', 1, 500, 12),
      slow: integer('slow', 2, 1000, 26),
      signal: integer('signal', 1, 500, 9),
    }).refine(fastBeforeSlow, fastBeforeSlowIssue),
    maCross('golden-cross'),
    maCross('death-cross'),
    /** The latest close is beyond the `side` Bollinger band (SMA(period) ± stddev × σ). */
    conditionOf('bollinger-break', {
      side: z.enum(['upper', 'lower'], { error: 'side must be upper or lower' }),
      period: integer('period', 2, 1000, 20),
      stddev: number('stddev')
        .positive({ error: 'stddev must be greater than 0' })
        .max(10, { error: 'stddev must be at most 10' })
        .default(2),
    }),
    /** A strategy of the analysis engine signals `action` on the latest bar. */
    conditionOf('strategy-signal', {
      strategy: z.string({ error: 'strategy must be a strategy id' }),
      action: z.enum(['BUY', 'SELL'], { error: 'action must be BUY or SELL' }),
      params: z.record(z.string(), z.number()).optional(),
    }).superRefine((c, ctx) => {
      const known = knownStrategies();
      if (!known.includes(c.strategy)) {
        ctx.addIssue({
          code: 'custom',
          path: ['strategy'],
          message: `unknown strategy "${c.strategy}" (known: ${known.join(', ')})`,
        });
        return;
      }
      const problem = strategyParamsProblem(c.strategy, c.params);
      if (problem) ctx.addIssue({ code: 'custom', path: ['params'], message: problem });
    }),
  ],
  { error: `kind must be one of ${conditionKinds.join(', ')}` },
);

/** A validated condition with its defaults filled in (what is stored on a rule). */
export type RuleCondition = z.output<typeof ruleConditionSchema>;
/** What a client may send: defaults may be omitted. */
export type RuleConditionInput = z.input<typeof ruleConditionSchema>;
export type ConditionOf<K extends ConditionKind> = Extract<RuleCondition, { kind: K }>;
