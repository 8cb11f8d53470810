import { describe, expect, it } from 'vitest';
import {
  compileConcurrency,
  ConcurrencyGate,
  concurrencySlots,
  type ConcurrencySlot,
} from '@/server/scheduler/concurrency';
import { RunnerStoppedError } from '@/server/scheduler/timing';

const event = { name: 'test/x', data: { accountId: 'acc-1', user: { id: 7 } } };

describe('concurrency slots', () => {
  it('groups by function, by key value, and across functions for env/account scope', () => {
    const slots = (config: Parameters<typeof compileConcurrency>[0]) =>
      concurrencySlots('sync', compileConcurrency(config), event);

    expect(slots(2)).toEqual([{ group: 'fn:sync', limit: 2 }]);
    expect(slots({ limit: 1, key: 'event.data.accountId' })).toEqual([
      { group: 'fn:sync:acc-1', limit: 1 },
    ]);
    expect(slots({ limit: 1, key: 'event.data.accountId + "-" + event.data.user.id' })).toEqual([
      { group: 'fn:sync:acc-1-7', limit: 1 },
    ]);
    expect(slots({ limit: 1, key: 'event.data.missing' })).toEqual([
      { group: 'fn:sync:null', limit: 1 },
    ]);
    expect(
      slots([
        { limit: 5, key: '"provider"', scope: 'account' },
        { limit: 1, key: 'event.data.accountId' },
      ]),
    ).toEqual([
      { group: 'account:provider', limit: 5 },
      { group: 'fn:sync:acc-1', limit: 1 },
    ]);
  });

  it('treats no option or a zero limit as unlimited', () => {
    expect(compileConcurrency(undefined)).toEqual([]);
    expect(compileConcurrency(0)).toEqual([]);
  });

  it.each(['event.data.a == 1', 'size(event.data)', 'event.data.a +', 'accountId', ''])(
    'refuses the key expression %j',
    (key) => {
      expect(() => compileConcurrency({ limit: 1, key })).toThrow(/Unsupported concurrency key/);
    },
  );
});

describe('ConcurrencyGate', () => {
  const slot = (group: string, limit = 1): ConcurrencySlot[] => [{ group, limit }];

  it('admits up to the limit per group and queues the rest in arrival order', async () => {
    const gate = new ConcurrencyGate();
    const admitted: string[] = [];
    const take = (name: string, slots: ConcurrencySlot[]) =>
      gate.acquire(slots).then((release) => {
        admitted.push(name);
        return release;
      });

    const a1 = take('a1', slot('a'));
    const a2 = take('a2', slot('a'));
    const a3 = take('a3', slot('a'));
    const b1 = take('b1', slot('b'));
    const releaseA1 = await a1;
    await b1;
    expect(admitted).toEqual(['a1', 'b1']);
    expect(gate.queued).toBe(2);

    releaseA1();
    releaseA1(); // releasing twice frees one slot only
    const releaseA2 = await a2;
    expect(admitted).toEqual(['a1', 'b1', 'a2']);
    expect(gate.queued).toBe(1);

    releaseA2();
    await a3;
    expect(admitted).toEqual(['a1', 'b1', 'a2', 'a3']);
  });

  it('lets a resumed run go before runs that are still waiting', async () => {
    const gate = new ConcurrencyGate();
    const release = await gate.acquire(slot('a'));
    const order: string[] = [];
    const fresh = gate.acquire(slot('a')).then((done) => (order.push('fresh'), done));
    const resumed = gate
      .acquire(slot('a'), { resume: true })
      .then((done) => (order.push('resumed'), done));

    release();
    (await resumed)();
    await fresh;
    expect(order).toEqual(['resumed', 'fresh']);
  });

  it('rejects queued runs when the runner stops', async () => {
    const gate = new ConcurrencyGate();
    await gate.acquire(slot('a'));
    const queued = gate.acquire(slot('a'));
    gate.rejectAll();
    await expect(queued).rejects.toBeInstanceOf(RunnerStoppedError);
    expect(gate.queued).toBe(0);
  });
});
