import { describe, expect, it } from 'vitest';
import { ProviderError } from '@/server/market-data/errors';
import { backoffDelay, withRetry, type RetryPolicy } from '@/server/market-data/retry';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, jitter: 0.5 };

function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe('backoffDelay', () => {
  it('doubles per attempt up to the cap, jitter taking off at most its share', () => {
    const none = () => 0;
    const full = () => 0.999999;
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, none))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    expect(backoffDelay(3, policy, full)).toBe(200);
    expect(backoffDelay(3, { ...policy, jitter: 0 }, full)).toBe(400);
  });
});

describe('withRetry', () => {
  it('retries transient failures with growing delays and returns the eventual result', async () => {
    const { delays, sleep } = recordingSleep();
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw new ProviderError('kis', calls === 1 ? 'timeout' : 'server', 'flaky');
        return 'ok';
      },
      policy,
      { sleep, random: () => 0 },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(delays).toEqual([100, 200]);
  });

  it('does not retry final kinds', async () => {
    for (const kind of ['not-found', 'bad-key', 'daily-limit', 'premium', 'malformed'] as const) {
      const { delays, sleep } = recordingSleep();
      let calls = 0;
      await expect(
        withRetry(
          async () => {
            calls += 1;
            throw new ProviderError('alphavantage', kind, kind);
          },
          policy,
          { sleep },
        ),
      ).rejects.toMatchObject({ details: { kind } });
      expect(calls).toBe(1);
      expect(delays).toEqual([]);
    }
  });

  it('does not retry errors that are not provider errors', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw new TypeError('bug');
        },
        policy,
        { sleep: async () => {} },
      ),
    ).rejects.toThrow('bug');
    expect(calls).toBe(1);
  });

  it('gives up after maxAttempts with the last error', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw new ProviderError('kis', 'network', `down ${calls}`);
        },
        policy,
        { sleep: async () => {} },
      ),
    ).rejects.toThrow('down 4');
    expect(calls).toBe(4);
  });

  it("waits at least the provider's retryAfterMs", async () => {
    const { delays, sleep } = recordingSleep();
    let calls = 0;
    await withRetry(
      async () => {
        calls += 1;
        if (calls === 1) {
          throw new ProviderError('kis', 'minute-limit', 'slow down', { retryAfterMs: 700 });
        }
        return 'ok';
      },
      policy,
      { sleep, random: () => 0 },
    );
    expect(delays).toEqual([700]);
  });

  it('hands a retryAfterMs longer than maxDelayMs straight to the caller', async () => {
    const { delays, sleep } = recordingSleep();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw new ProviderError('alphavantage', 'minute-limit', 'a minute', {
            retryAfterMs: 60_000,
          });
        },
        policy,
        { sleep },
      ),
    ).rejects.toMatchObject({ details: { kind: 'minute-limit', retryAfterMs: 60_000 } });
    expect(calls).toBe(1);
    expect(delays).toEqual([]);
  });

  it('stops when aborted during the wait', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = withRetry(
      async () => {
        calls += 1;
        throw new ProviderError('kis', 'timeout', 'slow');
      },
      { ...policy, baseDelayMs: 60_000, maxDelayMs: 120_000 },
      { signal: controller.signal },
    );
    controller.abort(new Error('user left'));
    await expect(run).rejects.toThrow('user left');
    expect(calls).toBe(1);
  });
});
