/**
 * Indices of at most `max` points of a curve for an SVG chart: evenly strided, always keeping the
 * first and last point and, within each stride, the point `pick` prefers (e.g. the deepest
 * drawdown) so extremes survive.
 */
export function sampleIndices(
  length: number,
  max: number,
  pick?: (a: number, b: number) => number,
): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const stride = Math.ceil(length / max);
  const out: number[] = [];
  for (let start = 0; start < length; start += stride) {
    let chosen = start;
    if (pick) {
      for (let i = start + 1; i < Math.min(length, start + stride); i++) chosen = pick(chosen, i);
    }
    out.push(chosen);
  }
  if (out.at(-1) !== length - 1) out.push(length - 1);
  return out;
}

export const MAX_CHART_POINTS = 600;
