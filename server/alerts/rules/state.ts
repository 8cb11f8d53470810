import type { ConditionKind } from './conditions';

/**
 * The crossing state machine of one rule on one subject (a symbol, a holding, the portfolio).
 *
 * A rule fires on the crossing into its condition, not on every evaluation while the condition
 * holds:
 * - armed + active → fire (unless in cooldown), then disarm;
 * - disarmed + active → nothing: the same episode is still going on;
 * - inactive → re-arm if disarmed; a new episode (`generation + 1`) begins;
 * - a crossing within `cooldownMinutes` of the last firing is swallowed: the rule disarms without
 *   firing and only re-arms once the condition clears, so it cannot fire later in that episode;
 * - periodic kinds (moves within a session) re-arm when the period (the market's session date)
 *   changes, so yesterday's move does not block today's.
 * The first evaluation of a new rule counts as a crossing: a condition that already holds fires.
 *
 * `episode` names the current episode deterministically (`${generation}`, or
 * `${periodKey}:${generation}` for periodic kinds). Store notifications under a UNIQUE key
 * (ruleId, subject, episode): two evaluations that race from the same stored state compute the
 * same episode, so only one of their inserts succeeds and the user gets one notification.
 */
export interface RuleState {
  armed: boolean;
  /** Episodes begun so far: +1 on every re-arm. */
  generation: number;
  /** ISO instant of the last firing. */
  lastFiredAt: string | null;
  /** Period of the last evaluation (periodic kinds), e.g. the session date `2026-05-22`. */
  periodKey: string | null;
  lastActive: boolean;
}

export interface StepContext {
  now: Date;
  cooldownMinutes: number;
  /** The current period for periodic kinds (see isPeriodic), null otherwise. */
  periodKey: string | null;
}

export interface StepResult {
  state: RuleState;
  fire: boolean;
  episode: string;
}

const periodicKinds: ReadonlySet<ConditionKind> = new Set<ConditionKind>([
  'day-change',
  'holding-day-move',
  'volume-spike',
]);

/** Kinds judged within a market session: they take the session date as their periodKey. */
export function isPeriodic(kind: ConditionKind): boolean {
  return periodicKinds.has(kind);
}

export function initialRuleState(periodKey: string | null = null): RuleState {
  return { armed: true, generation: 0, lastFiredAt: null, periodKey, lastActive: false };
}

function episodeOf(generation: number, periodKey: string | null): string {
  return periodKey === null ? `${generation}` : `${periodKey}:${generation}`;
}

function inCooldown(lastFiredAt: string | null, now: Date, cooldownMinutes: number): boolean {
  if (lastFiredAt === null || cooldownMinutes <= 0) return false;
  return now.getTime() - Date.parse(lastFiredAt) < cooldownMinutes * 60_000;
}

/** One evaluation through the state machine: the next state and whether to notify. */
export function step(
  previous: RuleState | null,
  evaluation: { active: boolean },
  ctx: StepContext,
): StepResult {
  let { armed, generation } = previous ?? initialRuleState(ctx.periodKey);
  const { lastFiredAt } = previous ?? initialRuleState();
  const newPeriod =
    previous !== null && ctx.periodKey !== null && previous.periodKey !== ctx.periodKey;
  if (newPeriod || (!evaluation.active && !armed)) {
    armed = true;
    generation += 1;
  }
  const state = (changes: Partial<RuleState> = {}): RuleState => ({
    armed,
    generation,
    lastFiredAt,
    periodKey: ctx.periodKey,
    lastActive: evaluation.active,
    ...changes,
  });
  const episode = episodeOf(generation, ctx.periodKey);

  if (!evaluation.active || !armed) return { state: state(), fire: false, episode };
  if (inCooldown(lastFiredAt, ctx.now, ctx.cooldownMinutes)) {
    return { state: state({ armed: false }), fire: false, episode };
  }
  return {
    state: state({ armed: false, lastFiredAt: ctx.now.toISOString() }),
    fire: true,
    episode,
  };
}
