'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { SelectField, TextField } from '@/components/ui/field';
import type { RuleProblems } from './rule-form';
import { KIND_PARAMS, type ConditionKind, type ParamSpec } from './rule-kinds';
import { useProblemText } from './use-rule-text';

type ParamName =
  | 'direction'
  | 'average'
  | 'side'
  | 'stddev'
  | 'action'
  | 'multiple'
  | 'lookback'
  | 'level'
  | 'period'
  | 'fast'
  | 'slow'
  | 'signal';

/** One input per parameter of the kind (the price has its own field with the quote). */
export function RuleParamFields({
  kind,
  values,
  onChange,
  problems,
  priceField,
}: {
  kind: ConditionKind;
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
  problems: RuleProblems;
  priceField: ReactNode;
}) {
  const t = useTranslations('alertRules');
  const tf = useTranslations('alertsPage.ruleForm');
  const problemText = useProblemText();
  const isReturn = kind.includes('-return-');

  function labelOf(spec: ParamSpec): string {
    if (spec.name === 'percent') return isReturn ? tf('returnPercent') : tf('percent');
    return t(`params.${spec.name as ParamName}`);
  }

  const fields = KIND_PARAMS[kind];
  if (fields.length === 0) return null;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      {fields.map((spec) => {
        if (spec.type === 'price') {
          return (
            <div key={spec.name} className="sm:col-span-2">
              {priceField}
            </div>
          );
        }
        const error = problemText(problems[spec.name]);
        if (spec.type === 'choice') {
          return (
            <SelectField
              key={spec.name}
              label={labelOf(spec)}
              name={spec.name}
              value={values[spec.name] ?? spec.default}
              onChange={(event) => onChange(spec.name, event.target.value)}
              error={error}
            >
              {spec.options.map((option) => (
                <option key={option} value={option}>
                  {t(`${spec.labels}.${option}` as 'directions.up')}
                </option>
              ))}
            </SelectField>
          );
        }
        return (
          <TextField
            key={spec.name}
            label={labelOf(spec)}
            name={spec.name}
            // Phone keypads for decimals lack a minus sign: negative levels get the full keyboard.
            inputMode={spec.min < 0 ? 'text' : spec.integer ? 'numeric' : 'decimal'}
            autoComplete="off"
            value={values[spec.name] ?? ''}
            onChange={(event) => onChange(spec.name, event.target.value)}
            hint={isReturn && spec.name === 'percent' ? tf('returnHint') : undefined}
            error={error}
          />
        );
      })}
    </div>
  );
}
