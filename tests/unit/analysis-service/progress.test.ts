import { describe, expect, it } from 'vitest';
import { createProgressReporter } from '@/server/analysis-service/progress';

function reporter() {
  let clock = 0;
  const written: number[] = [];
  const report = createProgressReporter({
    now: () => clock,
    intervalMs: 250,
    write: async (value) => {
      written.push(value);
    },
  });
  return { report, written, advance: (ms: number) => (clock += ms) };
}

describe('backtest progress reporting', () => {
  it('writes at most once per interval unless forced', async () => {
    const { report, written, advance } = reporter();
    await report(0.1);
    await report(0.2);
    advance(100);
    await report(0.3);
    advance(200);
    await report(0.4);
    await report(0.5, { force: true });
    expect(written).toEqual([0.1, 0.4, 0.5]);
  });

  it('never goes backwards and stays within 0..1', async () => {
    const { report, written } = reporter();
    await report(0.6, { force: true });
    await report(0.3, { force: true });
    await report(1.4, { force: true });
    await report(-1, { force: true });
    expect(written).toEqual([0.6, 1]);
  });
});
