/**
 * Instrument search latency: `npm run bench:search [-- --json]`.
 * Prints the index build time and the mean / p50 / p99 time per query over a few thousand
 * realistic queries (codes, tickers, Korean and English names and prefixes, initials, misses).
 */
import { performance } from 'node:perf_hooks';
import { listInstruments } from '@/server/market-data/instruments';
import { searchInstruments } from '@/server/market-data/search';

const fixed = [
  '삼성',
  'ㅅㅅㅈㅈ',
  '005930',
  'samsung',
  'aapl',
  'apple',
  '카카오',
  '삼ㅅ',
  '삼성저',
  'sk',
  'lg',
  'hynix',
  '현대차',
  'nvidia',
  'a',
  's',
  '코스피',
  'brk.b',
  'qxzqxz',
  'ㅋㅋ',
  'electronics',
];

// Every 5th instrument contributes its code, a name prefix and its initials: a spread of hits.
function corpus(): string[] {
  const queries = [...fixed];
  listInstruments().forEach((instrument, index) => {
    if (index % 5 !== 0) return;
    queries.push(instrument.code.toLowerCase());
    queries.push(instrument.nameEn.slice(0, 4));
    if (instrument.nameKo) queries.push(instrument.nameKo.slice(0, 2));
  });
  return queries;
}

const json = process.argv.includes('--json');

let start = performance.now();
searchInstruments('warm-up');
const buildMs = performance.now() - start;

const queries = corpus();
const rounds = 3;
for (const query of queries) searchInstruments(query);

const times: number[] = [];
// CPU time as well as wall time: on a busy machine wall time also counts waiting for a core.
const cpuStart = process.cpuUsage();
for (let round = 0; round < rounds; round++) {
  for (const query of queries) {
    start = performance.now();
    searchInstruments(query, { limit: 10 });
    times.push(performance.now() - start);
  }
}
const cpu = process.cpuUsage(cpuStart);
times.sort((a, b) => a - b);
const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
const result = {
  instruments: listInstruments().length,
  queries: times.length,
  loadAndIndexMs: Number(buildMs.toFixed(1)),
  meanUs: Number((mean * 1000).toFixed(1)),
  meanCpuUs: Number(((cpu.user + cpu.system) / times.length).toFixed(1)),
  p50Us: Number((pct(0.5) * 1000).toFixed(1)),
  p99Us: Number((pct(0.99) * 1000).toFixed(1)),
  maxUs: Number((times[times.length - 1]! * 1000).toFixed(1)),
};

if (json) {
  console.log(JSON.stringify(result));
} else {
  console.log(
    `search over ${result.instruments} instruments: load + index ${result.loadAndIndexMs} ms; ` +
      `${result.queries} queries, mean ${result.meanUs} µs (CPU ${result.meanCpuUs} µs), ` +
      `p50 ${result.p50Us} µs, ` +
      `p99 ${result.p99Us} µs, max ${result.maxUs} µs per query`,
  );
}
