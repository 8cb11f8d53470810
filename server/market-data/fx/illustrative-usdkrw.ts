/**
 * An illustrative daily USD/KRW series for demo and offline use: no provider in our layer serves
 * FX yet and ../shared/data holds no real USD/KRW file. It is NOT market data — every row it
 * produces is labelled `quality: 'illustrative'` and the UI shows that label next to converted
 * values.
 *
 * Shape: the approximate yearly average KRW per USD below, placed at each year's middle (1 July),
 * linearly interpolated between years, plus a small deterministic wobble (two slow sines, ±~1%)
 * so daily charts are not straight lines. Weekdays only (the FX market's days); lookups carry the
 * Friday rate over the weekend. Deterministic: the same date always gives the same rate.
 */
import { addDays, toDayNumber } from '@/server/portfolio/calc-dates';

/** Approximate yearly averages, KRW per USD (rounded; for illustration only). */
export const illustrativeUsdKrwYearlyAverages: Readonly<Record<number, number>> = {
  2005: 1024,
  2006: 955,
  2007: 929,
  2008: 1103,
  2009: 1276,
  2010: 1156,
  2011: 1108,
  2012: 1127,
  2013: 1095,
  2014: 1053,
  2015: 1132,
  2016: 1161,
  2017: 1131,
  2018: 1100,
  2019: 1166,
  2020: 1180,
  2021: 1144,
  2022: 1292,
  2023: 1306,
  2024: 1364,
  2025: 1400,
  // Not an observed average: the 2025 level held flat so "today" has a rate.
  2026: 1400,
};

export const ILLUSTRATIVE_FX_PROVIDER = 'illustrative';

const years = Object.keys(illustrativeUsdKrwYearlyAverages)
  .map(Number)
  .sort((a, b) => a - b);
const anchors = years.map((year) => ({
  day: toDayNumber(`${year}-07-01`),
  rate: illustrativeUsdKrwYearlyAverages[year]!,
}));

function anchorLevel(day: number): number {
  const first = anchors[0]!;
  const last = anchors.at(-1)!;
  if (day <= first.day) return first.rate;
  if (day >= last.day) return last.rate;
  let i = 0;
  while (anchors[i + 1]!.day < day) i++;
  const a = anchors[i]!;
  const b = anchors[i + 1]!;
  return a.rate + ((b.rate - a.rate) * (day - a.day)) / (b.day - a.day);
}

/** KRW per USD on `date` as a 2-decimal string, or null on a weekend. */
export function illustrativeUsdKrw(date: string): string | null {
  const day = toDayNumber(date);
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday → 0 = Sunday
  if (weekday === 0 || weekday === 6) return null;
  const wobble = 0.007 * Math.sin(day / 23.7) + 0.004 * Math.sin(day / 7.9 + 1.3);
  return (anchorLevel(day) * (1 + wobble)).toFixed(2);
}

/** Every weekday rate from `from` to `to` inclusive. */
export function illustrativeUsdKrwSeries(
  from: string,
  to: string,
): { date: string; rate: string }[] {
  const out: { date: string; rate: string }[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const rate = illustrativeUsdKrw(date);
    if (rate !== null) out.push({ date, rate });
  }
  return out;
}
