import type { AllocationBy } from './types';

/** GICS sectors (US instruments) and the server's own groups, by catalogue key. */
export const sectorKeys = {
  Energy: 'energy',
  Materials: 'materials',
  Industrials: 'industrials',
  'Consumer Discretionary': 'consumerDiscretionary',
  'Consumer Staples': 'consumerStaples',
  'Health Care': 'healthCare',
  Financials: 'financials',
  'Information Technology': 'informationTechnology',
  'Communication Services': 'communicationServices',
  Utilities: 'utilities',
  'Real Estate': 'realEstate',
  ETF: 'etf',
  Unclassified: 'unclassified',
} as const;

export type SectorKey = (typeof sectorKeys)[keyof typeof sectorKeys];

export type SliceLabel =
  | { kind: 'cash' }
  | { kind: 'other' }
  | { kind: 'sector'; key: SectorKey }
  | { kind: 'currency'; code: string }
  | { kind: 'holding'; symbol: string; fallback: string }
  | { kind: 'text'; text: string };

/**
 * What a slice is, so the view can name it in the reader's language: cash and the merged rest are
 * ours to translate, known sectors have catalogue names, Korean industry names (KSIC) and account
 * names are shown as they are.
 */
export function sliceLabel(
  by: AllocationBy,
  slice: { key: string; label: string; other?: boolean },
): SliceLabel {
  if (slice.other) return { kind: 'other' };
  if (slice.key === 'cash') return { kind: 'cash' };
  switch (by) {
    case 'sector': {
      const key = sectorKeys[slice.label as keyof typeof sectorKeys];
      return key ? { kind: 'sector', key } : { kind: 'text', text: slice.label };
    }
    case 'currency':
      return { kind: 'currency', code: slice.key };
    case 'holding':
      return { kind: 'holding', symbol: slice.key, fallback: slice.label };
    case 'account':
      return { kind: 'text', text: slice.label };
  }
}
