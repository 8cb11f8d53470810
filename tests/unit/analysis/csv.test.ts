import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOhlcvCsv } from '@/server/analysis/csv';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/analysis');
const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

describe('parseOhlcvCsv', () => {
  it('reads Stockvis daily files (adj_close column present but empty)', () => {
    const series = parseOhlcvCsv(read('005930.KS-2017-2022.csv'), '005930.KS');
    expect(series.length).toBe(1120);
    expect(series.dates[0]).toBe('2017-09-01');
    expect(series.dates.at(-1)).toBe('2022-03-31');
    expect([
      series.open[0],
      series.high[0],
      series.low[0],
      series.close[0],
      series.volume[0],
    ]).toEqual([46460, 46640, 46300, 46480, 10641700]);
  });

  it("reads backtesting.py's unnamed date column", () => {
    const series = parseOhlcvCsv(read('GOOG-head.csv'), 'GOOG.csv');
    expect(series.length).toBe(40);
    expect(series.dates[0]).toBe('2004-08-19');
    expect(series.close[1]).toBe(108.31);
    expect(series.volume[0]).toBe(22351900);
  });

  it('reads Yahoo/backtrader files and ignores Adj Close', () => {
    const series = parseOhlcvCsv(read('orcl-head.txt'), 'orcl.txt');
    expect(series.dates[0]).toBe('1995-01-03');
    expect(series.close[0]).toBe(2.117284); // Close, not Adj Close (1.883304)
    expect(series.volume[0]).toBe(36301200);
  });

  it('accepts any column order, case, CRLF, a BOM, quoted fields and intraday times', () => {
    const text =
      '\uFEFFVolume,Close,Low,High,Open,DateTime\r\n' +
      '1000,"10.5",10,11,10.2,2024-05-09T09:30:00-04:00\r\n' +
      '1200,10.7,10.1,10.9,10.5,2024-05-09T09:31:00-04:00\r\n';
    const series = parseOhlcvCsv(text, 'intraday.csv');
    expect(series.dates).toEqual(['2024-05-09T09:30:00-04:00', '2024-05-09T09:31:00-04:00']);
    expect(Array.from(series.close)).toEqual([10.5, 10.7]);
    expect(Array.from(series.volume)).toEqual([1000, 1200]);
  });

  const header = 'date,open,high,low,close,volume\n';
  it.each([
    [
      'a non-numeric price',
      `${header}2024-01-02,1,2,x,1.5,10\n`,
      /bad\.csv line 2: low is not a number \(got "x"\)/,
    ],
    ['an empty volume', `${header}2024-01-02,1,2,1,1.5,\n`, /line 2: volume is empty/],
    ['a missing column', `${header}2024-01-02,1,2,1\n`, /line 2: close is missing/],
    ['a negative price', `${header}2024-01-02,1,2,-1,1.5,10\n`, /line 2: low is negative/],
    ['a bad date', `${header}02/01/2024,1,2,1,1.5,10\n`, /line 2: date is not YYYY-MM-DD/],
    [
      'dates out of order',
      `${header}2024-01-03,1,2,1,1.5,10\n2024-01-02,1,2,1,1.5,10\n`,
      /line 3: date 2024-01-02 is not after the previous row's 2024-01-03/,
    ],
    [
      'a duplicate date',
      `${header}2024-01-02,1,2,1,1.5,10\n2024-01-02,1,2,1,1.5,10\n`,
      /line 3: date 2024-01-02 is not after/,
    ],
    [
      'no volume column',
      'date,open,high,low,close\n2024-01-02,1,2,1,1.5\n',
      /line 1: no "volume" column/,
    ],
    ['an empty file', '', /bad\.csv is empty/],
    ['a header only', header, /bad\.csv has a header but no rows/],
  ])('rejects %s naming the line and field', (_case, text, message) => {
    expect(() => parseOhlcvCsv(text, 'bad.csv')).toThrow(message);
  });
});
