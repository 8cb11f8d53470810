import { describe, expect, it } from 'vitest';
import { createRequestBudget } from '@/server/market-data/rate-budget';
import type { RateLimiter, RateLimitRule } from '@/server/rate-limit/rate-limiter';

/** The DB limiter's fixed-window semantics, in memory: a window starts at its first hit. */
function memoryLimiter(): RateLimiter & { hits: string[] } {
  const windows = new Map<string, { start: number; count: number }>();
  const hits: string[] = [];
  return {
    hits,
    async hit(rules: RateLimitRule[], now = new Date()) {
      let worst: { allowed: boolean; count: number; limit: number; resetAt: Date } | undefined;
      for (const rule of rules) {
        hits.push(rule.key);
        let w = windows.get(rule.key);
        if (!w || w.start + rule.windowMs <= now.getTime()) {
          w = { start: now.getTime(), count: 0 };
          windows.set(rule.key, w);
        }
        w.count += 1;
        const result = {
          allowed: w.count <= rule.limit,
          count: w.count,
          limit: rule.limit,
          resetAt: new Date(w.start + rule.windowMs),
        };
        if (!worst || (worst.allowed && !result.allowed)) worst = result;
      }
      return worst ?? { allowed: true, count: 0, limit: 0, resetAt: now };
    },
    async reset(key) {
      windows.delete(key);
    },
    async pruneExpired() {
      return 0;
    },
  };
}

function clock(start = Date.UTC(2026, 0, 5, 14, 0, 0)) {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => new Date(now),
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    slept,
    elapsed: () => now - start,
  };
}

describe('request budget', () => {
  it('lets requests through while within every window', async () => {
    const c = clock();
    const limiter = memoryLimiter();
    const budget = createRequestBudget({
      provider: 'alphavantage',
      limits: { perMinute: 5, perDay: 25 },
      limiter,
      now: c.now,
      sleep: c.sleep,
    });
    for (let i = 0; i < 5; i += 1) await budget.acquire();
    expect(c.slept).toEqual([]);
    expect(new Set(limiter.hits)).toEqual(
      new Set(['provider-budget:alphavantage:minute', 'provider-budget:alphavantage:day']),
    );
  });

  it('waits for the next minute window when the minute is spent', async () => {
    const c = clock();
    const budget = createRequestBudget({
      provider: 'alphavantage',
      limits: { perMinute: 5, perDay: 25 },
      limiter: memoryLimiter(),
      now: c.now,
      sleep: c.sleep,
    });
    for (let i = 0; i < 6; i += 1) await budget.acquire();
    expect(c.slept).toEqual([60_000]);
  });

  it('waits out per-second windows (KIS)', async () => {
    const c = clock();
    const budget = createRequestBudget({
      provider: 'kis',
      limits: { perSecond: 2 },
      limiter: memoryLimiter(),
      now: c.now,
      sleep: c.sleep,
    });
    for (let i = 0; i < 5; i += 1) await budget.acquire();
    expect(c.slept).toEqual([1_000, 1_000]);
  });

  it('throws daily-limit when the day is spent, with when it resets', async () => {
    const c = clock();
    const budget = createRequestBudget({
      provider: 'alphavantage',
      limits: { perMinute: 5, perDay: 3 },
      limiter: memoryLimiter(),
      now: c.now,
      sleep: c.sleep,
    });
    for (let i = 0; i < 3; i += 1) await budget.acquire();
    await expect(budget.acquire()).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { provider: 'alphavantage', kind: 'daily-limit', retryAfterMs: 24 * 3_600_000 },
    });
  });

  it('shares one allowance between budgets with the same key (other processes)', async () => {
    const c = clock();
    const limiter = memoryLimiter();
    const options = {
      provider: 'alphavantage' as const,
      limits: { perDay: 2 },
      limiter,
      now: c.now,
      sleep: c.sleep,
    };
    const web = createRequestBudget(options);
    const collector = createRequestBudget(options);
    await web.acquire();
    await collector.acquire();
    await expect(web.acquire()).rejects.toMatchObject({ details: { kind: 'daily-limit' } });
  });

  it('stops waiting when aborted', async () => {
    const limiter = memoryLimiter();
    const budget = createRequestBudget({ provider: 'kis', limits: { perMinute: 1 }, limiter });
    await budget.acquire();
    const controller = new AbortController();
    const waiting = budget.acquire(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });

  it('rejects limits that are not positive integers', () => {
    expect(() =>
      createRequestBudget({ provider: 'kis', limits: { perSecond: 0 }, limiter: memoryLimiter() }),
    ).toThrow(/perSecond must be a positive integer/);
  });
});
