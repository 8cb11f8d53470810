import { describe, expect, it } from 'vitest';
import { applyTickToBars, type PriceBar } from '@/components/stocks/live-bars';
import type { TickMessage } from '@/components/stocks/tick-message';

const SEOUL = 'Asia/Seoul';

function tick(time: number, price: number, volume: number | null = 5_000): TickMessage {
  return {
    symbol: '005930.KS',
    price,
    change: null,
    changePercent: null,
    volume,
    high: null,
    low: null,
    time,
    currency: 'KRW',
  };
}

const bar = (time: string | number, close: number, volume = 100): PriceBar => ({
  time,
  open: close,
  high: close,
  low: close,
  close,
  volume,
  simulated: true,
});

// 2024-05-14 10:00 in Seoul (01:00 UTC).
const tuesdayMorning = Date.UTC(2024, 4, 14, 1, 0, 0);

describe('applyTickToBars', () => {
  it("updates today's daily bar: close, widened range and the session volume", () => {
    const bars = [bar('2024-05-13', 100), bar('2024-05-14', 100)];
    const next = applyTickToBars(bars, tick(tuesdayMorning, 104), {
      interval: 'daily',
      timeZone: SEOUL,
    });
    expect(next).toHaveLength(2);
    expect(next[1]).toMatchObject({ close: 104, high: 104, low: 100, open: 100, volume: 5_000 });
    expect(next[0]).toBe(bars[0]);
    const lower = applyTickToBars(next, tick(tuesdayMorning + 1_000, 97), {
      interval: 'daily',
      timeZone: SEOUL,
    });
    expect(lower[1]).toMatchObject({ close: 97, high: 104, low: 97 });
  });

  it('uses the market date, not UTC: 08:00 Seoul on the 15th is still the 14th in UTC', () => {
    const bars = [bar('2024-05-14', 100)];
    const at = Date.UTC(2024, 4, 14, 23, 0, 0); // 2024-05-15 08:00 KST
    const next = applyTickToBars(bars, tick(at, 101), { interval: 'daily', timeZone: SEOUL });
    expect(next.map((b) => b.time)).toEqual(['2024-05-14', '2024-05-15']);
    expect(next[1]).toMatchObject({ open: 101, close: 101, simulated: true });
  });

  it('rolls intraday minute bars and adds the traded volume to the current minute', () => {
    const minute = Math.floor(tuesdayMorning / 60_000) * 60_000;
    const bars = [bar(minute - 60_000, 100), bar(minute, 100, 10)];
    const same = applyTickToBars(bars, tick(minute + 30_000, 102), {
      interval: 'intraday',
      timeZone: SEOUL,
      volumeDelta: 7,
    });
    expect(same).toHaveLength(2);
    expect(same[1]).toMatchObject({ close: 102, high: 102, volume: 17 });
    const rolled = applyTickToBars(same, tick(minute + 61_000, 101), {
      interval: 'intraday',
      timeZone: SEOUL,
      volumeDelta: 3,
    });
    expect(rolled).toHaveLength(3);
    expect(rolled[2]).toMatchObject({ time: minute + 60_000, open: 101, close: 101, volume: 3 });
  });

  it('puts a tick into the weekly bar dated the Friday of its week', () => {
    const bars = [bar('2024-05-10', 100), bar('2024-05-17', 100)];
    const next = applyTickToBars(bars, tick(tuesdayMorning, 99), {
      interval: 'weekly',
      timeZone: SEOUL,
    });
    expect(next).toHaveLength(2);
    expect(next[1]).toMatchObject({ close: 99, low: 99, volume: 100 });
  });

  it('leaves the bars alone for a tick older than the last bar or an empty series', () => {
    const bars = [bar('2024-05-20', 100)];
    expect(
      applyTickToBars(bars, tick(tuesdayMorning, 1), { interval: 'daily', timeZone: SEOUL }),
    ).toBe(bars);
    const empty: PriceBar[] = [];
    expect(
      applyTickToBars(empty, tick(tuesdayMorning, 1), { interval: 'daily', timeZone: SEOUL }),
    ).toBe(empty);
  });
});
