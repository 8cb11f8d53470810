import { describe, expect, it } from 'vitest';
import {
  decodeCsv,
  fileProblem,
  sameMapping,
  unmappedRequired,
  visibleRows,
  withColumn,
} from '@/components/portfolio/ledger/import-file';
import {
  ACCOUNT_NAME_MAX_LENGTH,
  IMPORT_MAX_BYTES,
  accountKinds,
  importFields,
} from '@/components/portfolio/ledger/ledger-constants';
import { detectMapping, exportColumns } from '@/server/portfolio/csv-columns';
import { accountKinds as serverAccountKinds } from '@/server/portfolio/repo';
import {
  IMPORT_LIMITS,
  createAccountInput,
  importFields as serverImportFields,
} from '@/server/portfolio/schemas';

describe('the mirrored server constants', () => {
  it('equal the server values', () => {
    expect(accountKinds).toEqual(serverAccountKinds);
    expect(importFields).toEqual(serverImportFields);
    expect(IMPORT_MAX_BYTES).toBe(IMPORT_LIMITS.bytes);
    expect(
      createAccountInput.shape.name.safeParse('x'.repeat(ACCOUNT_NAME_MAX_LENGTH)).success,
    ).toBe(true);
    expect(
      createAccountInput.shape.name.safeParse('x'.repeat(ACCOUNT_NAME_MAX_LENGTH + 1)).success,
    ).toBe(false);
  });
});

describe('choosing a file', () => {
  it('refuses files over 5 MB, empty files and files that are not text', () => {
    expect(fileProblem({ name: 'big.csv', size: IMPORT_MAX_BYTES + 1, type: 'text/csv' })).toBe(
      'tooLarge',
    );
    expect(fileProblem({ name: 'ok.csv', size: IMPORT_MAX_BYTES, type: 'text/csv' })).toBeNull();
    expect(fileProblem({ name: 'empty.csv', size: 0, type: 'text/csv' })).toBe('empty');
    expect(fileProblem({ name: 'photo.png', size: 10, type: 'image/png' })).toBe('notCsv');
    // Windows reports CSV as an Excel type; some systems report nothing.
    expect(fileProblem({ name: 'a.csv', size: 10, type: 'application/vnd.ms-excel' })).toBeNull();
    expect(fileProblem({ name: 'export', size: 10, type: '' })).toBeNull();
  });

  it('decodes UTF-8 and the EUC-KR files Korean brokerages write', () => {
    // A byte-order mark is read as one, not as text.
    const utf8 = new TextEncoder().encode('\uFEFFdate,type\n2026-01-02,매수\n');
    expect(decodeCsv(utf8)).toBe('date,type\n2026-01-02,매수\n');
    // "거래일자,구분" in EUC-KR.
    const eucKr = new Uint8Array([176, 197, 183, 161, 192, 207, 192, 218, 44, 177, 184, 186, 208]);
    expect(decodeCsv(eucKr)).toBe('거래일자,구분');
  });
});

describe('column mapping', () => {
  it('starts from the detected mapping: an export needs no changes', () => {
    const detected = detectMapping([...exportColumns]);
    expect(unmappedRequired(detected)).toEqual([]);
    // Every field but the name (an export writes symbols).
    expect(Object.keys(detected).sort()).toEqual(
      importFields.filter((field) => field !== 'name').sort(),
    );
  });

  it('detects Korean brokerage headers for the required fields', () => {
    const detected = detectMapping(['거래일자', '거래구분', '종목명', '수량', '단가', '비고']);
    expect(detected).toEqual({
      date: '거래일자',
      type: '거래구분',
      name: '종목명',
      quantity: '수량',
      price: '단가',
      note: '비고',
    });
    expect(unmappedRequired(detected)).toEqual([]);
    expect(unmappedRequired(withColumn(detected, 'date', null))).toEqual(['date']);
  });

  it('changes one field at a time and compares mappings by content', () => {
    const start = { date: 'Date', type: 'Action' };
    const changed = withColumn(start, 'symbol', 'Ticker');
    expect(changed).toEqual({ date: 'Date', type: 'Action', symbol: 'Ticker' });
    expect(start).toEqual({ date: 'Date', type: 'Action' });
    expect(sameMapping(start, { type: 'Action', date: 'Date' })).toBe(true);
    expect(sameMapping(start, changed)).toBe(false);
    expect(withColumn(changed, 'symbol', null)).toEqual(start);
  });
});

describe('listing preview rows', () => {
  const rows = [
    { row: 2, status: 'new' as const },
    { row: 3, status: 'invalid' as const },
    { row: 4, status: 'duplicate' as const },
    { row: 5, status: 'invalid' as const },
  ];

  it('filters by status and caps the list, counting every match', () => {
    expect(visibleRows(rows, 'all', 10)).toEqual({ rows, matching: 4 });
    expect(visibleRows(rows, 'invalid', 1)).toEqual({ rows: [rows[1]], matching: 2 });
    expect(visibleRows(rows, 'duplicate', 10).rows.map((row) => row.row)).toEqual([4]);
  });
});
