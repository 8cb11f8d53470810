import type { RuleCondition } from './conditions';
import type { Severity } from './severity';

export interface BuiltinRule {
  /** Stable identifier: a user's adjusted or disabled copy refers to its built-in by this key. */
  key: string;
  condition: RuleCondition;
  severity: Severity;
  cooldownMinutes: number;
}

/** A day-move alert twice in one session is news; more often it is noise. */
const DAY_MOVE_COOLDOWN = 240;
/** Return levels are long-horizon: a return hovering around the level should not ring daily. */
const RETURN_COOLDOWN = 24 * 60;

/**
 * The built-in rules of the seed design, on for every user by default and adjustable per user:
 * a holding moving ±3 % in a day (info) or ±5 % (warning), a holding's return reaching +20 %
 * (target reached), and the portfolio's return reaching +20 % (info) or falling to −10 %
 * (critical). A fresh copy on every call, so callers may adjust it.
 */
export function builtinRules(): BuiltinRule[] {
  return [
    {
      key: 'holding-day-move-3',
      condition: { kind: 'holding-day-move', percent: 3, direction: 'either' },
      severity: 'info',
      cooldownMinutes: DAY_MOVE_COOLDOWN,
    },
    {
      key: 'holding-day-move-5',
      condition: { kind: 'holding-day-move', percent: 5, direction: 'either' },
      severity: 'warning',
      cooldownMinutes: DAY_MOVE_COOLDOWN,
    },
    {
      key: 'holding-return-target',
      condition: { kind: 'holding-return-above', percent: 20 },
      severity: 'info',
      cooldownMinutes: RETURN_COOLDOWN,
    },
    {
      key: 'portfolio-return-target',
      condition: { kind: 'portfolio-return-above', percent: 20 },
      severity: 'info',
      cooldownMinutes: RETURN_COOLDOWN,
    },
    {
      key: 'portfolio-return-floor',
      condition: { kind: 'portfolio-return-below', percent: -10 },
      severity: 'critical',
      cooldownMinutes: RETURN_COOLDOWN,
    },
  ];
}
