/** Holdings that moved most today, rising and falling, by day change rate. */
export function topMovers<T extends { symbol: string; dayChangeRate: number | null }>(
  rows: readonly T[],
  count = 3,
): { up: T[]; down: T[] } {
  // A symbol held in two accounts moves once.
  const seen = new Set<string>();
  const unique = rows.filter((row) => {
    if (seen.has(row.symbol)) return false;
    seen.add(row.symbol);
    return true;
  });
  const rate = (row: T) => row.dayChangeRate ?? 0;
  const up = unique
    .filter((row) => rate(row) > 0)
    .sort((a, b) => rate(b) - rate(a))
    .slice(0, count);
  const down = unique
    .filter((row) => rate(row) < 0)
    .sort((a, b) => rate(a) - rate(b))
    .slice(0, count);
  return { up, down };
}
