import { fmt, notEnoughData, round, signal, warmingUp, type Reason } from './helpers';
import { int, num } from './params';
import { BUY, defineStrategy, SELL, type StrategySignals } from './types';

type TripleParams = {
  maPeriod: number;
  rsiPeriod: number;
  rsiLevel: number;
  rsiCeiling: number;
  volumePeriod: number;
  volumeMultiplier: number;
};

/**
 * Three independent confirmations before a BUY: trend (close above the SMA), momentum (RSI above
 * its midline but not overbought) and participation (volume above its average). One BUY per
 * up-phase; the phase ends when trend or momentum fails. SELL needs trend and momentum to turn.
 */
export const tripleConfirmation = defineStrategy<TripleParams>({
  id: 'triple-confirmation',
  name: 'Triple confirmation (MA + RSI + volume)',
  description:
    'BUY when the close is above its SMA, RSI is between the midline and the overbought ceiling, ' +
    'and volume is above its average — all on the same bar; SELL when the close falls below the ' +
    'SMA with RSI under the midline.',
  category: 'combined',
  params: {
    maPeriod: int(50, 2, 2000, 'Trend SMA period.'),
    rsiPeriod: int(14, 2, 500, 'RSI period.'),
    rsiLevel: num(50, 0, 100, 'RSI midline the momentum must be above (BUY) or below (SELL).'),
    rsiCeiling: num(70, 0, 100, 'RSI above this is overbought: no BUY.'),
    volumePeriod: int(20, 2, 1000, 'Average-volume period.'),
    volumeMultiplier: num(1.2, 0.1, 100, 'Volume must exceed this × its average.'),
  },
  check: (p) =>
    p.rsiLevel < p.rsiCeiling
      ? null
      : { field: 'rsiLevel', message: `must be below rsiCeiling (${p.rsiCeiling})` },
  compute(ctx, p, out: StrategySignals) {
    const { close, volume } = ctx.series;
    const average = ctx.sma(p.maPeriod);
    const r = ctx.rsi(p.rsiPeriod);
    const averageVolume = ctx.volumeSma(p.volumePeriod);
    // Parameters in locals: see zoneReversal in oscillators.ts.
    const { rsiLevel, rsiCeiling, volumeMultiplier } = p;
    let armed = true; // may BUY in the current up-phase
    let wasBearish = false;
    for (let i = 1; i < close.length; i++) {
      const c = close[i]!;
      const m = average[i]!;
      const rv = r[i]!;
      const bullish = c > m && rv > rsiLevel;
      const bearish = c < m && rv < rsiLevel;
      const volumeOk = volume[i]! > volumeMultiplier * averageVolume[i - 1]!;
      if (bullish && armed && rv < rsiCeiling && volumeOk) {
        signal(out, i, BUY, 0.9);
        armed = false;
      } else if (bearish && !wasBearish) {
        signal(out, i, SELL, volumeOk ? 0.8 : 0.6);
      }
      if (!bullish) armed = true;
      wasBearish = bearish;
    }
  },
  explain(ctx, p, i, signals): Reason {
    if (i < 1) return notEnoughData(i);
    const c = ctx.series.close[i]!;
    const m = ctx.sma(p.maPeriod)[i]!;
    const rv = ctx.rsi(p.rsiPeriod)[i]!;
    const averageVolume = ctx.volumeSma(p.volumePeriod)[i - 1]!;
    if (warmingUp(m, rv, averageVolume)) return notEnoughData(i);
    const volumeRatio = ctx.series.volume[i]! / averageVolume;
    const checks = {
      trend: c > m,
      momentum: rv > p.rsiLevel && rv < p.rsiCeiling,
      volume: volumeRatio > p.volumeMultiplier,
    };
    const passed = Object.values(checks).filter(Boolean).length;
    const reasonParams = {
      close: round(c),
      average: round(m),
      rsi: round(rv),
      volumeRatio: round(volumeRatio),
      passed,
    };
    const summary = `close ${fmt(c)} vs SMA${p.maPeriod} ${fmt(m)}, RSI ${fmt(rv)}, volume ${fmt(volumeRatio)}× average`;
    const action = signals.action[i]!;
    if (action === BUY)
      return {
        key: 'all-confirm',
        reasonParams,
        reason: `Trend, momentum and volume all confirm: ${summary}.`,
        bias: 1,
      };
    if (action === SELL)
      return {
        key: 'trend-breaks',
        reasonParams,
        reason: `Trend and momentum turned down: ${summary}.`,
        bias: -1,
      };
    return {
      key: 'partial',
      reasonParams,
      reason: `${passed} of 3 confirmations: ${summary}.`,
      bias: c > m && rv > p.rsiLevel ? 1 : c < m && rv < p.rsiLevel ? -1 : 0,
    };
  },
});
