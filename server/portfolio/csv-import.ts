/**
 * Transaction CSV import: preview (detected column mapping, every row parsed or its errors, new vs
 * duplicate) and commit (the valid new rows in one database transaction, replayed with the rest
 * of the ledger — all or nothing). Duplicates are recognised by `importKeyOf`, against the
 * account's existing transactions (imported or not) and earlier rows of the same file, so
 * importing a file twice, or an export of the same account, adds nothing.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { DomainError, isDomainError } from '@/server/errors';
import { listInstruments } from '@/server/market-data/instruments';
import { detectMapping } from './csv-columns';
import { importKeyOf } from './csv-key';
import {
  parseCsvCurrency,
  parseCsvDate,
  parseCsvNumber,
  parseCsvType,
  unguardCell,
  type Parsed,
} from './csv-values';
import { validateTransaction, type LedgerService, type TransactionDraft } from './ledger-service';
import type { AccountRecord, TransactionWrite } from './repo';
import { IMPORT_LIMITS, type ImportField, type ImportMapping } from './schemas';

export interface ImportRowError {
  /** Line in the file, the header being row 1 (as a spreadsheet shows it). */
  row: number;
  field: string;
  message: string;
}

export interface ImportRowPreview {
  row: number;
  status: 'new' | 'duplicate' | 'invalid';
  /** For duplicates: already in the account, or repeats an earlier row of this file. */
  duplicateOf: 'existing' | 'file' | null;
  transaction: TransactionWrite | null;
  errors: ImportRowError[];
  importKey: string | null;
}

export interface ImportPreview {
  headers: string[];
  mapping: ImportMapping;
  /** Fields the importer needs that no column is mapped to. */
  missingFields: ImportField[];
  rows: ImportRowPreview[];
  counts: { total: number; new: number; duplicates: number; invalid: number };
}

export interface ImportCommitResult {
  inserted: number;
  duplicates: number;
  invalid: number;
  total: number;
  errors: ImportRowError[];
}

const requiredFields: readonly ImportField[] = ['date', 'type'];

function readCsv(csv: string): { headers: string[]; records: string[][] } {
  const bytes = Buffer.byteLength(csv, 'utf8');
  if (bytes > IMPORT_LIMITS.bytes) {
    throw new DomainError(
      'INVALID',
      `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; at most 5 MB can be imported at once.`,
      { field: 'csv', bytes, limit: IMPORT_LIMITS.bytes },
    );
  }
  const text = csv.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const delimiter =
    (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0)
      ? '\t'
      : (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0)
        ? ';'
        : ',';
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw new DomainError('INVALID', `The file is not valid CSV: ${(error as Error).message}`, {
      field: 'csv',
    });
  }
  if (records.length === 0) {
    throw new DomainError('INVALID', 'The file is empty.', { field: 'csv' });
  }
  const [headers, ...rows] = records;
  if (rows.length > IMPORT_LIMITS.rows) {
    throw new DomainError(
      'INVALID',
      `The file has ${rows.length} rows; at most ${IMPORT_LIMITS.rows} can be imported at once.`,
      { field: 'csv', rows: rows.length, limit: IMPORT_LIMITS.rows },
    );
  }
  return { headers: headers!, records: rows };
}

let instrumentsByName: Map<string, string> | undefined;

/** Exact Korean or English instrument name → symbol, for files with names but no codes. */
function symbolByName(name: string): string | null {
  instrumentsByName ??= new Map(
    listInstruments()
      .filter((instrument) => instrument.kind !== 'index')
      .flatMap((instrument) => [
        [instrument.nameEn.toLowerCase(), instrument.symbol] as const,
        ...(instrument.nameKo ? [[instrument.nameKo, instrument.symbol] as const] : []),
      ]),
  );
  const text = name.normalize('NFKC').trim();
  return instrumentsByName.get(text) ?? instrumentsByName.get(text.toLowerCase()) ?? null;
}

/** One record → a draft for validation, or the cell errors. */
function draftOf(
  cells: (field: ImportField) => string,
  row: number,
): { draft: TransactionDraft | null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const take = <T>(field: string, parsed: Parsed<T>): T | null => {
    if (parsed.ok) return parsed.value;
    errors.push({ row, field, message: parsed.message });
    return null;
  };
  const tradeDate = take('date', parseCsvDate(cells('date')));
  const type = take('type', parseCsvType(cells('type')));
  const number = (field: ImportField) => take(field, parseCsvNumber(cells(field)));
  let symbol: string | null = cells('symbol') || null;
  if (!symbol && cells('name')) {
    symbol = symbolByName(cells('name'));
    if (!symbol)
      errors.push({ row, field: 'name', message: `no instrument named "${cells('name')}"` });
  }
  const draft = {
    tradeDate: tradeDate ?? '',
    type: type ?? 'buy',
    symbol,
    quantity: number('quantity'),
    price: number('price'),
    amount: number('amount'),
    fees: number('fees'),
    taxes: number('taxes'),
    splitRatio: number('splitRatio'),
    costPrice: number('costPrice'),
    currency: take('currency', parseCsvCurrency(cells('currency'))),
    note: cells('note') || null,
  };
  return { draft: errors.length === 0 ? draft : null, errors };
}

/** Field names of validation issues as the CSV columns call them. */
const columnOfField: Record<string, string> = { tradeDate: 'date' };

export type CsvImporter = ReturnType<typeof createCsvImporter>;

export function createCsvImporter({ ledger, now }: { ledger: LedgerService; now?: () => Date }) {
  const clock = now ?? (() => new Date());

  async function analyse(
    account: AccountRecord,
    csv: string,
    mappingInput: ImportMapping | undefined,
  ): Promise<ImportPreview> {
    const { headers, records } = readCsv(csv);
    const mapping = mappingInput ?? detectMapping(headers);
    for (const [field, header] of Object.entries(mapping)) {
      if (!headers.includes(header)) {
        throw new DomainError('INVALID', `Column "${header}" (for ${field}) is not in the file.`, {
          field: `mapping.${field}`,
        });
      }
    }
    const missingFields = requiredFields.filter((field) => mapping[field] === undefined);
    const columnIndex = new Map<ImportField, number>(
      (Object.entries(mapping) as [ImportField, string][]).map(([field, header]) => [
        field,
        headers.indexOf(header),
      ]),
    );

    const existingKeys = new Set<string>();
    for (const tx of await ledger.repo.ledgerOf(account.id)) {
      existingKeys.add(importKeyOf(account.id, tx));
      if (tx.importKey) existingKeys.add(tx.importKey);
    }
    const seen = new Set<string>();
    const at = clock();
    const rows: ImportRowPreview[] = records.map((record, index) => {
      const row = index + 2;
      if (missingFields.length > 0) {
        return {
          row,
          status: 'invalid',
          duplicateOf: null,
          transaction: null,
          importKey: null,
          errors: missingFields.map((field) => ({ row, field, message: 'no column mapped' })),
        };
      }
      const cell = (field: ImportField) => {
        const i = columnIndex.get(field);
        return i === undefined ? '' : unguardCell(record[i] ?? '');
      };
      const { draft, errors } = draftOf(cell, row);
      if (!draft) {
        return {
          row,
          status: 'invalid',
          duplicateOf: null,
          transaction: null,
          importKey: null,
          errors,
        };
      }
      const checked = validateTransaction(draft, { baseCurrency: account.baseCurrency, now: at });
      if (!checked.ok) {
        return {
          row,
          status: 'invalid',
          duplicateOf: null,
          transaction: null,
          importKey: null,
          errors: checked.issues.map((issue) => ({
            row,
            field: columnOfField[issue.field] ?? issue.field,
            message: issue.message,
          })),
        };
      }
      const importKey = importKeyOf(account.id, checked.value);
      const duplicateOf = existingKeys.has(importKey)
        ? 'existing'
        : seen.has(importKey)
          ? 'file'
          : null;
      seen.add(importKey);
      return {
        row,
        status: duplicateOf ? 'duplicate' : 'new',
        duplicateOf,
        transaction: { ...checked.value, importKey },
        importKey,
        errors: [],
      };
    });
    const count = (status: ImportRowPreview['status']) =>
      rows.filter((row) => row.status === status).length;
    return {
      headers,
      mapping,
      missingFields,
      rows,
      counts: {
        total: rows.length,
        new: count('new'),
        duplicates: count('duplicate'),
        invalid: count('invalid'),
      },
    };
  }

  return {
    async preview(
      userId: string,
      input: { accountId: string; csv: string; mapping?: ImportMapping },
    ): Promise<ImportPreview> {
      const account = await ledger.repo.getAccount(userId, input.accountId);
      return analyse(account, input.csv, input.mapping);
    },

    /**
     * Inserts the valid new rows (invalid rows and duplicates are skipped and counted). The whole
     * ledger is replayed with them in the same transaction: if any row would oversell or overdraw,
     * nothing is inserted and the error names that row.
     */
    async commit(
      userId: string,
      input: { accountId: string; csv: string; mapping: ImportMapping },
    ): Promise<ImportCommitResult> {
      const account = await ledger.repo.getAccount(userId, input.accountId);
      const preview = await analyse(account, input.csv, input.mapping);
      if (preview.missingFields.length > 0) {
        throw new DomainError(
          'INVALID',
          `Map a column to ${preview.missingFields.join(' and ')} before importing.`,
          { field: `mapping.${preview.missingFields[0]}` },
        );
      }
      const fresh = preview.rows.filter((row) => row.status === 'new');
      const rowOfId = new Map<string, number>();
      const writes = fresh.map((row) => {
        const id = randomUUID();
        rowOfId.set(id, row.row);
        return { ...row.transaction!, id };
      });

      let inserted = 0;
      if (writes.length > 0) {
        try {
          inserted = await ledger.writeLedger(account, async (tx) => {
            // Re-check inside the lock: a concurrent import of the same file inserts once.
            const taken = await tx.existingImportKeys(
              account.id,
              writes.map((w) => w.importKey!),
            );
            const pending = writes.filter((w) => !taken.has(w.importKey!));
            const next = await tx.nextSequences(account.id, [
              ...new Set(pending.map((w) => w.tradeDate)),
            ]);
            for (const write of pending) {
              const sequence = next.get(write.tradeDate) ?? 0;
              next.set(write.tradeDate, sequence + 1);
              write.sequence = sequence;
            }
            return tx.insertTransactions(account.id, pending);
          });
        } catch (error) {
          const id = isDomainError(error) ? error.details.transactionId : undefined;
          const row = typeof id === 'string' ? rowOfId.get(id) : undefined;
          if (row !== undefined && isDomainError(error)) {
            throw new DomainError('INVALID', `Row ${row}: ${error.message}`, {
              ...error.details,
              row,
            });
          }
          throw error;
        }
      }
      if (inserted > 0) {
        const fromDate = writes.reduce((min, w) => (w.tradeDate < min ? w.tradeDate : min), '9999');
        const acquired = writes
          .filter((w) => (w.type === 'buy' || w.type === 'transfer_in') && w.symbol)
          .map((w) => w.symbol!);
        await ledger.afterCommit(account, fromDate, acquired);
      }
      return {
        inserted,
        duplicates: preview.counts.duplicates + (writes.length - inserted),
        invalid: preview.counts.invalid,
        total: preview.counts.total,
        errors: preview.rows.flatMap((row) => row.errors),
      };
    },
  };
}
