import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from '@/server/market-data/circuit-breaker';
import { ProviderError } from '@/server/market-data/errors';

function setup(threshold = 3) {
  let now = 1_000_000;
  const breaker = createCircuitBreaker({
    provider: 'alphavantage',
    failureThreshold: threshold,
    cooldownMs: 30_000,
    now: () => now,
  });
  const fail = (kind: ConstructorParameters<typeof ProviderError>[1] = 'server') =>
    breaker.run(async () => {
      throw new ProviderError('alphavantage', kind, kind);
    });
  const succeed = () => breaker.run(async () => 'ok');
  return { breaker, fail, succeed, advance: (ms: number) => (now += ms), at: () => now };
}

describe('circuit breaker', () => {
  it('opens after N consecutive failures and then rejects without calling', async () => {
    const { breaker, fail, at } = setup();
    for (let i = 0; i < 3; i += 1)
      await expect(fail()).rejects.toMatchObject({ details: { kind: 'server' } });
    expect(breaker.snapshot()).toEqual({
      provider: 'alphavantage',
      state: 'open',
      failures: 3,
      openedAt: at(),
      nextAttemptAt: at() + 30_000,
    });
    let called = false;
    await expect(
      breaker.run(async () => {
        called = true;
      }),
    ).rejects.toMatchObject({ details: { kind: 'circuit-open', retryAfterMs: 30_000 } });
    expect(called).toBe(false);
  });

  it('a success resets the count of consecutive failures', async () => {
    const { breaker, fail, succeed } = setup();
    await expect(fail()).rejects.toThrow();
    await expect(fail()).rejects.toThrow();
    await succeed();
    await expect(fail()).rejects.toThrow();
    await expect(fail()).rejects.toThrow();
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', failures: 2 });
  });

  it('does not count unknown symbols as failures', async () => {
    const { breaker, fail } = setup();
    for (let i = 0; i < 5; i += 1) await expect(fail('not-found')).rejects.toThrow();
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', failures: 0 });
  });

  it('half-opens after the cooldown: a successful trial closes it', async () => {
    const { breaker, fail, succeed, advance } = setup();
    for (let i = 0; i < 3; i += 1) await expect(fail()).rejects.toThrow();
    advance(30_000);
    expect(await succeed()).toBe('ok');
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', failures: 0, nextAttemptAt: null });
  });

  it('a failed trial opens it again for another cooldown', async () => {
    const { breaker, fail, advance, at } = setup();
    for (let i = 0; i < 3; i += 1) await expect(fail()).rejects.toThrow();
    advance(30_000);
    await expect(fail('timeout')).rejects.toMatchObject({ details: { kind: 'timeout' } });
    expect(breaker.snapshot()).toMatchObject({
      state: 'open',
      openedAt: at(),
      nextAttemptAt: at() + 30_000,
    });
  });

  it('lets only one trial through while half-open', async () => {
    const { breaker, fail, advance } = setup();
    for (let i = 0; i < 3; i += 1) await expect(fail()).rejects.toThrow();
    advance(30_000);
    let release!: () => void;
    const trial = breaker.run(
      () => new Promise<string>((resolve) => (release = () => resolve('trial'))),
    );
    expect(breaker.snapshot().state).toBe('half-open');
    await expect(breaker.run(async () => 'second')).rejects.toMatchObject({
      details: { kind: 'circuit-open' },
    });
    release();
    expect(await trial).toBe('trial');
    expect(breaker.snapshot().state).toBe('closed');
  });
});
