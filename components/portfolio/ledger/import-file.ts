/**
 * The CSV import's client-side steps: checking and decoding the chosen file, the column mapping
 * the user edits (starting from the server's detected one), and which preview rows to list.
 * Pure, so it is unit-tested.
 */
import type { ImportField, ImportMapping } from '@/server/portfolio/schemas';
import { IMPORT_MAX_BYTES, importFields } from './ledger-constants';

export type { ImportField, ImportMapping };

/** Fields the importer cannot do without (csv-import.ts requiredFields). */
export const requiredImportFields: readonly ImportField[] = ['date', 'type'];

export type FileProblem = 'tooLarge' | 'empty' | 'notCsv';

/** Why a chosen file cannot be imported, before reading it; null when it may be. */
export function fileProblem(file: {
  name: string;
  size: number;
  type: string;
}): FileProblem | null {
  if (file.size > IMPORT_MAX_BYTES) return 'tooLarge';
  if (file.size === 0) return 'empty';
  const textual =
    /\.(csv|tsv|txt)$/i.test(file.name) ||
    file.type === '' ||
    file.type.startsWith('text/') ||
    file.type === 'application/vnd.ms-excel';
  return textual ? null : 'notCsv';
}

/**
 * File bytes → text. UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise
 * EUC-KR (CP949), which Korean brokerages and Excel on Korean Windows still write.
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('euc-kr').decode(bytes);
  }
}

/** The mapping with one field pointed at a column (`null` unmaps it). */
export function withColumn(
  mapping: ImportMapping,
  field: ImportField,
  header: string | null,
): ImportMapping {
  const next: ImportMapping = { ...mapping };
  if (header === null) delete next[field];
  else next[field] = header;
  return next;
}

/** Whether two mappings send the same columns to the same fields. */
export function sameMapping(a: ImportMapping, b: ImportMapping): boolean {
  return importFields.every((field) => a[field] === b[field]);
}

/** Required fields no column feeds. */
export function unmappedRequired(mapping: ImportMapping): ImportField[] {
  return requiredImportFields.filter((field) => mapping[field] === undefined);
}

export type RowFilter = 'all' | 'new' | 'duplicate' | 'invalid';

/** Rows to list for a filter, at most `limit` of them (a 20,000-row file is not one table). */
export function visibleRows<T extends { status: 'new' | 'duplicate' | 'invalid' }>(
  rows: readonly T[],
  filter: RowFilter,
  limit: number,
): { rows: T[]; matching: number } {
  const matching = filter === 'all' ? rows : rows.filter((row) => row.status === filter);
  return { rows: matching.slice(0, limit), matching: matching.length };
}
