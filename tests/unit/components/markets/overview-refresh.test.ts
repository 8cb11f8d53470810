import { describe, expect, it } from 'vitest';
import {
  COLLECTING_REFRESH_MS,
  REFRESH_MS,
  isCollecting,
  nextRefreshMs,
} from '@/components/markets/overview-refresh';

const row = { symbol: '005930.KS' } as never;
const empty = { indices: [], major: { KR: [], US: [] } };

describe('markets overview refresh', () => {
  it('treats an overview without any price as still collecting', () => {
    expect(isCollecting(empty)).toBe(true);
    expect(isCollecting({ ...empty, major: { KR: [], US: [row] } })).toBe(false);
    expect(isCollecting({ ...empty, indices: [row] })).toBe(false);
  });

  it('looks again sooner while collecting, every minute once there is data', () => {
    expect(nextRefreshMs(empty)).toBe(COLLECTING_REFRESH_MS);
    expect(nextRefreshMs({ indices: [row], major: { KR: [row], US: [] } })).toBe(REFRESH_MS);
    expect(nextRefreshMs(undefined)).toBe(REFRESH_MS);
    expect(COLLECTING_REFRESH_MS).toBeLessThan(REFRESH_MS);
  });
});
