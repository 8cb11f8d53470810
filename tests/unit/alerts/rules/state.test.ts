import { describe, expect, it } from 'vitest';
import { step, type RuleState, type StepContext } from '@/server/alerts/rules';

const T0 = Date.parse('2026-05-22T01:00:00Z');
const minutes = (n: number) => new Date(T0 + n * 60_000);

/** Runs evaluations (active flags at given minutes) through the machine; returns each step. */
function run(
  events: { at: number; active: boolean; periodKey?: string | null }[],
  cooldownMinutes = 0,
  initial: RuleState | null = null,
) {
  let state = initial;
  return events.map(({ at, active, periodKey = null }) => {
    const ctx: StepContext = { now: minutes(at), cooldownMinutes, periodKey };
    const result = step(state, { active }, ctx);
    state = result.state;
    return result;
  });
}

const fires = (steps: { fire: boolean }[]) => steps.map((s) => s.fire);

describe('step: crossing semantics', () => {
  it('fires on the first evaluation that sees a new rule already true', () => {
    const [first] = run([{ at: 0, active: true }]);
    expect(first).toEqual({
      fire: true,
      episode: '0',
      state: {
        armed: false,
        generation: 0,
        lastFiredAt: minutes(0).toISOString(),
        periodKey: null,
        lastActive: true,
      },
    });
  });

  it('fires once on the crossing and not again while the condition holds', () => {
    const steps = run([
      { at: 0, active: false },
      { at: 1, active: false },
      { at: 2, active: true },
      { at: 3, active: true },
      { at: 4, active: true },
    ]);
    expect(fires(steps)).toEqual([false, false, true, false, false]);
    expect(steps.map((s) => s.episode)).toEqual(['0', '0', '0', '0', '0']);
  });

  it('re-arms when the condition clears, starting a new episode', () => {
    const steps = run([
      { at: 0, active: true },
      { at: 1, active: false },
      { at: 2, active: false },
      { at: 3, active: true },
    ]);
    expect(fires(steps)).toEqual([true, false, false, true]);
    expect(steps.map((s) => s.state.generation)).toEqual([0, 1, 1, 1]);
    expect(steps.map((s) => s.episode)).toEqual(['0', '1', '1', '1']);
    expect(steps[1]!.state.armed).toBe(true);
  });

  it('gives each firing its own episode', () => {
    const steps = run([
      { at: 0, active: true },
      { at: 1, active: false },
      { at: 2, active: true },
      { at: 3, active: false },
      { at: 4, active: true },
    ]);
    const fired = steps.filter((s) => s.fire).map((s) => s.episode);
    expect(fired).toEqual(['0', '1', '2']);
  });
});

describe('step: cooldown', () => {
  it('swallows a crossing within the cooldown and keeps it from firing later', () => {
    const steps = run(
      [
        { at: 0, active: true }, // fires
        { at: 10, active: false }, // re-arms
        { at: 20, active: true }, // crossing 20 min after the firing: within 60 → consumed
        { at: 70, active: true }, // cooldown over, but the same episode: still silent
        { at: 80, active: false }, // clears: re-arms
        { at: 90, active: true }, // a new crossing after the cooldown fires
      ],
      60,
    );
    expect(fires(steps)).toEqual([true, false, false, false, false, true]);
    expect(steps[2]!.state).toMatchObject({ armed: false, lastFiredAt: minutes(0).toISOString() });
    expect(steps[5]!.episode).toBe('2');
  });

  it('lets a crossing exactly at the end of the cooldown fire', () => {
    const steps = run(
      [
        { at: 0, active: true },
        { at: 1, active: false },
        { at: 60, active: true },
      ],
      60,
    );
    expect(fires(steps)).toEqual([true, false, true]);
  });
});

describe('step: periods', () => {
  it("re-arms on a new period so yesterday's move does not block today's", () => {
    const steps = run([
      { at: 0, active: true, periodKey: '2026-05-21' },
      { at: 60, active: true, periodKey: '2026-05-21' },
      { at: 1440, active: true, periodKey: '2026-05-22' },
      { at: 1500, active: true, periodKey: '2026-05-22' },
    ]);
    expect(fires(steps)).toEqual([true, false, true, false]);
    expect(steps.map((s) => s.episode)).toEqual([
      '2026-05-21:0',
      '2026-05-21:0',
      '2026-05-22:1',
      '2026-05-22:1',
    ]);
    expect(steps[2]!.state.periodKey).toBe('2026-05-22');
  });

  it('still honours the cooldown across periods', () => {
    const steps = run(
      [
        { at: 0, active: true, periodKey: '2026-05-21' },
        { at: 30, active: true, periodKey: '2026-05-22' },
      ],
      60,
    );
    expect(fires(steps)).toEqual([true, false]);
  });

  it('does not re-arm on a new period for a condition that does not hold', () => {
    const steps = run([
      { at: 0, active: false, periodKey: '2026-05-21' },
      { at: 1440, active: false, periodKey: '2026-05-22' },
      { at: 1441, active: true, periodKey: '2026-05-22' },
    ]);
    expect(fires(steps)).toEqual([false, false, true]);
  });
});

describe('step: racing evaluations', () => {
  it('gives two evaluations from the same stored state the same episode', () => {
    // Both read the state before either wrote: both decide to fire, with one episode, so the
    // UNIQUE (ruleId, subject, episode) key lets only one notification in.
    const stored = run([
      { at: 0, active: true },
      { at: 1, active: false },
    ])[1]!.state;
    const a = step(
      stored,
      { active: true },
      { now: minutes(2), cooldownMinutes: 0, periodKey: null },
    );
    const b = step(
      stored,
      { active: true },
      { now: minutes(3), cooldownMinutes: 0, periodKey: null },
    );
    expect(a.fire && b.fire).toBe(true);
    expect(a.episode).toBe(b.episode);
  });

  it('is pure: the previous state is not modified', () => {
    const previous: RuleState = {
      armed: true,
      generation: 4,
      lastFiredAt: null,
      periodKey: null,
      lastActive: false,
    };
    const copy = structuredClone(previous);
    step(previous, { active: true }, { now: minutes(0), cooldownMinutes: 0, periodKey: null });
    expect(previous).toEqual(copy);
  });
});
