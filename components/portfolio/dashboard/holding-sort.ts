import { dec } from './decimal';
import type { HoldingView } from './live-holdings';

/** The holdings table's sortable columns. */
export const holdingSortKeys = [
  'name',
  'account',
  'quantity',
  'averageCost',
  'price',
  'dayChange',
  'marketValue',
  'unrealizedPnl',
  'weight',
] as const;

export type HoldingSortKey = (typeof holdingSortKeys)[number];
export type SortDirection = 'asc' | 'desc';
export type HoldingSort = { key: HoldingSortKey; direction: SortDirection };

const textKeys: ReadonlySet<HoldingSortKey> = new Set(['name', 'account']);

/** Largest market value first: how the server orders the rows. */
export const DEFAULT_HOLDING_SORT: HoldingSort = { key: 'marketValue', direction: 'desc' };

/** A click on a column: the same column flips; another starts A→Z for text, largest first for numbers. */
export function nextSort(current: HoldingSort, key: HoldingSortKey): HoldingSort {
  if (current.key === key) {
    return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  return { key, direction: textKeys.has(key) ? 'asc' : 'desc' };
}

/** Exact decimal strings (money, quantities) or fractions; null when the row has no value. */
function numericValue(row: HoldingView, key: HoldingSortKey): string | number | null {
  switch (key) {
    case 'quantity':
      return row.quantity;
    case 'averageCost':
      return row.averageCost;
    case 'price':
      return row.price;
    case 'dayChange':
      return row.dayChange;
    case 'marketValue':
      return row.marketValue;
    case 'unrealizedPnl':
      return row.unrealizedPnl;
    case 'weight':
      return row.weight;
    default:
      return null;
  }
}

/**
 * The rows in the requested order. Numbers compare exactly (decimal strings through decimal.js);
 * text by the reader's collation; rows without a value go last either way; ties keep the
 * incoming order (stable sort).
 */
export function sortHoldings(
  rows: readonly HoldingView[],
  sort: HoldingSort,
  textOf: (row: HoldingView, key: 'name' | 'account') => string,
  locale: string,
): HoldingView[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  if (sort.key === 'name' || sort.key === 'account') {
    const key = sort.key;
    const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    return [...rows].sort((a, b) => sign * collator.compare(textOf(a, key), textOf(b, key)));
  }
  const key = sort.key;
  return [...rows].sort((a, b) => {
    const x = numericValue(a, key);
    const y = numericValue(b, key);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * dec(x).cmp(dec(y));
  });
}

/** aria-sort for a column header. */
export function ariaSort(
  sort: HoldingSort,
  key: HoldingSortKey,
): 'ascending' | 'descending' | 'none' {
  if (sort.key !== key) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}
