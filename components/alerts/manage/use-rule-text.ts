'use client';

import { useTranslations } from 'use-intl';
import { cooldownParts } from './cooldown';
import type { FieldProblem } from './rule-form';
import { kindKey, type ConditionKind } from './rule-kinds';
import type { AlertRule } from './types';

/** "4 hours", "15 min", "none". */
export function useCooldownText() {
  const t = useTranslations('alertsPage.cooldown');
  return (minutes: number): string => {
    const parts = cooldownParts(minutes);
    return parts.unit === 'none' ? t('none') : t(parts.unit, { count: parts.count });
  };
}

/** A kind's name in the reader's language ("Price at or above"). */
export function useKindName() {
  const t = useTranslations('alertRules.kinds');
  return (kind: ConditionKind): string => t(kindKey(kind));
}

/** A built-in rule's name ("A holding moves 3% or more in a day"); a user rule's kind name. */
export function useRuleName() {
  const t = useTranslations('alertRules.builtin');
  const kindName = useKindName();
  return (rule: AlertRule): string => {
    const key = rule.builtinKey as 'holding-day-move-3' | null;
    return key && t.has(key) ? t(key) : kindName(rule.condition.kind);
  };
}

/** A form problem in words. */
export function useProblemText() {
  const t = useTranslations('alertsPage.problems');
  return (problem: FieldProblem | undefined): string | null => {
    if (!problem) return null;
    switch (problem.key) {
      case 'server':
        return problem.message;
      case 'range':
      case 'aboveRange':
        return t(problem.key, { min: problem.min, max: problem.max });
      case 'cooldown':
        return t('cooldown', { max: problem.max });
      default:
        return t(problem.key);
    }
  };
}
