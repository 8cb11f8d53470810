import { z } from 'zod';
import type { AnyStrategy, ParamSpec, ParamSpecs, StrategyParams } from './types';
import { parseOrThrow } from './validate';

export function int(
  defaultValue: number,
  min: number,
  max: number,
  description: string,
): ParamSpec {
  return { type: 'int', default: defaultValue, min, max, description };
}

export function num(
  defaultValue: number,
  min: number,
  max: number,
  description: string,
): ParamSpec {
  return { type: 'number', default: defaultValue, min, max, description };
}

const schemaCache = new WeakMap<AnyStrategy, z.ZodType<StrategyParams>>();

/**
 * zod schema of a strategy's parameters: every field optional with its documented default,
 * bounded, integers where declared, unknown names rejected, plus the strategy's own cross-field
 * rule.
 */
export function paramsSchemaOf(strategy: AnyStrategy): z.ZodType<StrategyParams> {
  const cached = schemaCache.get(strategy);
  if (cached) return cached;
  const shape: Record<string, z.ZodType<number>> = {};
  for (const [name, spec] of Object.entries(strategy.params)) {
    const number = z.number({ error: 'must be a number' });
    const base = spec.type === 'int' ? number.int({ error: 'must be a whole number' }) : number;
    shape[name] = base
      .min(spec.min, { error: `must be at least ${spec.min}` })
      .max(spec.max, { error: `must be at most ${spec.max}` })
      .default(spec.default) as z.ZodType<number>;
  }
  const schema = z.strictObject(shape).superRefine((params, ctx) => {
    const problem = strategy.check?.(params as StrategyParams);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  }) as unknown as z.ZodType<StrategyParams>;
  schemaCache.set(strategy, schema);
  return schema;
}

/** Validated parameters with defaults filled in; DomainError('INVALID') naming the bad field. */
export function resolveParams(strategy: AnyStrategy, raw: unknown): StrategyParams {
  return parseOrThrow(paramsSchemaOf(strategy), raw ?? {}, `${strategy.id} params`);
}

export function defaultParams(specs: ParamSpecs): StrategyParams {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.default]));
}
