import { describe, expect, it } from 'vitest';
import {
  cancellableWait,
  retryAfterMs,
  retryDelayMs,
  RunnerStoppedError,
  sleepDurationMs,
} from '@/server/scheduler/timing';

const backoff = { baseMs: 100, maxMs: 1_000 };
const now = new Date('2026-01-01T00:00:00.000Z');

describe('retryDelayMs', () => {
  it('doubles per attempt up to the cap, with half of each delay jittered', () => {
    expect([0, 1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, backoff, () => 0))).toEqual([
      50, 100, 200, 400, 500,
    ]);
    expect([0, 1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, backoff, () => 1))).toEqual([
      100, 200, 400, 800, 1_000,
    ]);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds or a date, as RetryAfterError encodes them', () => {
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('2026-01-01T00:00:05.000Z', now)).toBe(5_000);
    expect(retryAfterMs('2025-12-31T00:00:00.000Z', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});

describe('sleepDurationMs', () => {
  it('reads step.sleep durations and step.sleepUntil timestamps', () => {
    expect(sleepDurationMs('1s', now)).toBe(1_000);
    expect(sleepDurationMs('1w2d3h4m5s', now)).toBe(
      ((7 + 2) * 24 * 3_600 + 3 * 3_600 + 4 * 60 + 5) * 1_000,
    );
    expect(sleepDurationMs('2026-01-01T00:01:00.000Z', now)).toBe(60_000);
    expect(() => sleepDurationMs('later', now)).toThrow(/Unrecognised sleep/);
  });
});

describe('cancellableWait', () => {
  it('resolves after the delay', async () => {
    const started = performance.now();
    await cancellableWait(20, new AbortController().signal);
    expect(performance.now() - started).toBeGreaterThanOrEqual(19);
  });

  it('rejects as soon as the signal aborts, or at once if it already has', async () => {
    const controller = new AbortController();
    const waiting = cancellableWait(60_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(RunnerStoppedError);
    await expect(cancellableWait(10, controller.signal)).rejects.toBeInstanceOf(RunnerStoppedError);
  });
});
