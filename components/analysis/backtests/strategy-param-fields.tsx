'use client';

import { useLocale, useTranslations } from 'use-intl';
import { TextField } from '@/components/ui/field';
import type { StrategyInfo } from '../types';

export type ParamValues = Record<string, string>;

export function defaultParamValues(strategy: StrategyInfo | undefined): ParamValues {
  return Object.fromEntries((strategy?.params ?? []).map((p) => [p.name, String(p.default)]));
}

/** Parsed parameters, or the name of the first field out of its bounds. */
export function parseParamValues(
  strategy: StrategyInfo,
  values: ParamValues,
): { params: Record<string, number>; invalid: string | null } {
  const params: Record<string, number> = {};
  for (const spec of strategy.params) {
    const value = Number(values[spec.name] ?? spec.default);
    const whole = spec.type !== 'int' || Number.isInteger(value);
    if (!Number.isFinite(value) || value < spec.min || value > spec.max || !whole) {
      return { params, invalid: spec.name };
    }
    params[spec.name] = value;
  }
  return { params, invalid: null };
}

/** One number input per strategy parameter, bounded by its spec, defaulting to its default. */
export function StrategyParamFields({
  strategy,
  values,
  onChange,
  invalid,
  serverError,
}: {
  strategy: StrategyInfo;
  values: ParamValues;
  onChange: (values: ParamValues) => void;
  invalid: string | null;
  serverError: string | null;
}) {
  const t = useTranslations('analysis');
  const locale = useLocale();
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      {strategy.params.map((spec) => {
        const key = `params.${spec.name}` as 'params.fast';
        const label = t.has(key) ? t(key) : spec.name;
        const range = t('backtests.form.range', { min: spec.min, max: spec.max });
        return (
          <TextField
            key={spec.name}
            label={label}
            name={`param-${spec.name}`}
            type="number"
            inputMode="decimal"
            min={spec.min}
            max={spec.max}
            step={spec.type === 'int' ? 1 : 'any'}
            value={values[spec.name] ?? String(spec.default)}
            onChange={(event) => onChange({ ...values, [spec.name]: event.target.value })}
            hint={locale.startsWith('ko') ? range : `${spec.description} ${range}.`}
            error={
              invalid === spec.name
                ? t('backtests.form.invalidNumber', { min: spec.min, max: spec.max })
                : serverError && serverError.includes(spec.name)
                  ? serverError
                  : null
            }
          />
        );
      })}
    </div>
  );
}
