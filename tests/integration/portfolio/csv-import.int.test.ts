import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isDomainError } from '@/server/errors';
import { createCsvImporter } from '@/server/portfolio/csv-import';
import { createLedgerExporter } from '@/server/portfolio/export';
import { createLedgerService, type LedgerChangedEvent } from '@/server/portfolio/ledger-service';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/test-db';

const NOW = new Date('2024-06-01T00:00:00Z');
const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../../fixtures/portfolio', name), 'utf8');

describe(`portfolio CSV import and export (${process.env.TEST_DB ?? 'pglite'})`, () => {
  let db: TestDatabase;
  let alice: string;
  let bob: string;
  const events: LedgerChangedEvent[] = [];
  let ledger: ReturnType<typeof createLedgerService>;
  let importer: ReturnType<typeof createCsvImporter>;
  let exporter: ReturnType<typeof createLedgerExporter>;

  beforeAll(async () => {
    db = await createTestDatabase();
    alice = (await db.prisma.user.create({ data: { email: 'alice@example.com' } })).id;
    bob = (await db.prisma.user.create({ data: { email: 'bob@example.com' } })).id;
    ledger = createLedgerService({
      db: db.prisma,
      now: () => NOW,
      onLedgerChanged: async (event) => {
        events.push(event);
      },
    });
    importer = createCsvImporter({ ledger, now: () => NOW });
    exporter = createLedgerExporter({ repo: ledger.repo, now: () => NOW });
  });
  afterAll(async () => {
    await db?.dispose();
  });
  beforeEach(async () => {
    await db.prisma.account.deleteMany();
    events.length = 0;
  });

  const account = (name = 'Kiwoom', baseCurrency: 'KRW' | 'USD' = 'KRW', userId = alice) =>
    ledger.accounts.create(userId, {
      name,
      kind: 'brokerage',
      baseCurrency,
      allowNegativeCash: false,
    });

  async function caught(promise: Promise<unknown>) {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('expected a rejection');
  }

  it('previews a Korean brokerage file: mapping, parsed rows, per-row errors, duplicates', async () => {
    const { id } = await account();
    const preview = await importer.preview(alice, {
      accountId: id,
      csv: fixture('korean-broker.csv'),
    });
    expect(preview.mapping).toMatchObject({
      date: '거래일자',
      type: '구분',
      symbol: '종목코드',
      quantity: '수량',
      price: '단가',
      amount: '금액',
      fees: '수수료',
      taxes: '세금',
    });
    expect(preview.missingFields).toEqual([]);
    expect(preview.counts).toEqual({ total: 10, new: 6, duplicates: 1, invalid: 3 });
    const byRow = new Map(preview.rows.map((row) => [row.row, row]));
    expect(byRow.get(2)?.transaction).toMatchObject({
      type: 'deposit',
      amount: '5000000',
      note: '월급',
    });
    expect(byRow.get(3)?.transaction).toMatchObject({
      type: 'buy',
      tradeDate: '2024-01-03',
      symbol: '005930.KS',
      quantity: '10',
      price: '71000',
      fees: '106',
      currency: 'KRW',
    });
    expect(byRow.get(4)?.transaction).toMatchObject({
      symbol: '000660.KS',
      tradeDate: '2024-01-04',
    });
    expect(byRow.get(7)).toMatchObject({ status: 'duplicate', duplicateOf: 'file' });
    expect(byRow.get(8)?.errors).toEqual([
      { row: 8, field: 'date', message: '2024-13-01 is not a calendar date' },
    ]);
    expect(byRow.get(9)?.errors[0]).toMatchObject({ row: 9, field: 'symbol' });
    expect(byRow.get(10)?.errors[0]).toMatchObject({ row: 10, field: 'type' });
    expect(await db.prisma.transaction.count()).toBe(0);
  });

  it('commits valid new rows once: re-importing the same file inserts nothing', async () => {
    const { id } = await account();
    const csv = fixture('korean-broker.csv');
    const { mapping } = await importer.preview(alice, { accountId: id, csv });
    const first = await importer.commit(alice, { accountId: id, csv, mapping });
    expect(first).toMatchObject({ inserted: 6, duplicates: 1, invalid: 3, total: 10 });
    expect(first.errors.map((e) => e.row)).toEqual([8, 9, 10]);
    expect(events).toEqual([{ accountId: id, userId: alice, fromDate: '2024-01-02' }]);

    const holdings = await ledger.repo.holdingsOf([id]);
    expect(holdings.map((h) => [h.symbol, h.quantity.toFixed(), h.dividends.toFixed()])).toEqual([
      ['000660.KS', '5', '0'],
      ['005930.KS', '6', '2166'],
    ]);
    const [cash] = await ledger.repo.cashOf([id]);
    // 5,000,000 − 710,106 − 692,603 + (296,000 − 44 − 592) + (2,166 − 330) − 100,000
    expect(cash!.balance.toFixed()).toBe('3794491');

    const again = await importer.commit(alice, { accountId: id, csv, mapping });
    expect(again).toMatchObject({ inserted: 0, duplicates: 7, invalid: 3 });
    expect(await db.prisma.transaction.count({ where: { accountId: id } })).toBe(6);
    expect(events).toHaveLength(1);
    const preview = await importer.preview(alice, { accountId: id, csv });
    expect(preview.rows.find((r) => r.row === 3)).toMatchObject({
      status: 'duplicate',
      duplicateOf: 'existing',
    });
  });

  it('reads a tab-separated US file with English headers and currency marks', async () => {
    const { id } = await account('IBKR', 'USD');
    const csv = fixture('us-broker.tsv');
    const preview = await importer.preview(alice, { accountId: id, csv });
    expect(preview.counts).toMatchObject({ new: 4, invalid: 0 });
    const result = await importer.commit(alice, { accountId: id, csv, mapping: preview.mapping });
    expect(result.inserted).toBe(4);
    const [cash] = await ledger.repo.cashOf([id]);
    // 10,000 − (1,856.40 + 1.30) − 1,853 + 2.40
    expect(cash!.balance.toFixed()).toBe('6291.7');
  });

  it('is all-or-nothing when a row would oversell, naming the row', async () => {
    const { id } = await account();
    const csv = [
      'date,type,symbol,quantity,price,amount',
      '2024-01-02,deposit,,,,1000000',
      '2024-01-03,buy,005930,10,70000,',
      '2024-01-04,sell,005930,12,71000,',
    ].join('\n');
    const { mapping } = await importer.preview(alice, { accountId: id, csv });
    const error = await caught(importer.commit(alice, { accountId: id, csv, mapping }));
    expect(isDomainError(error) && error.code).toBe('INVALID');
    expect((error as Error).message).toMatch(/^Row 4: .*only 10 held/);
    expect(await db.prisma.transaction.count()).toBe(0);
    expect(await ledger.repo.holdingsOf([id])).toEqual([]);
  });

  it('uses an explicit mapping and reports unmapped required columns', async () => {
    const { id } = await account();
    const csv = 'when,what,amt\n2024-01-02,입금,"1,000"\n';
    const detected = await importer.preview(alice, { accountId: id, csv });
    expect(detected.missingFields).toEqual(['date', 'type']);
    expect(detected.rows[0]!.errors.map((e) => e.field)).toEqual(['date', 'type']);
    const error = await caught(
      importer.commit(alice, { accountId: id, csv, mapping: detected.mapping }),
    );
    expect(isDomainError(error) && error.details.field).toBe('mapping.date');

    const mapping = { date: 'when', type: 'what', amount: 'amt' };
    expect(await importer.commit(alice, { accountId: id, csv, mapping })).toMatchObject({
      inserted: 1,
    });
    const wrong = await caught(
      importer.preview(alice, { accountId: id, csv, mapping: { date: 'missing', type: 'what' } }),
    );
    expect((wrong as Error).message).toMatch(/Column "missing"/);
  });

  it('enforces the size and row limits with clear errors', async () => {
    const { id } = await account();
    const rows = 'date,type,amount\n' + '2024-01-02,deposit,1\n'.repeat(20_001);
    const tooMany = await caught(importer.preview(alice, { accountId: id, csv: rows }));
    expect((tooMany as Error).message).toMatch(/20001 rows; at most 20000/);
    const big = 'date,type,note\n' + `2024-01-02,deposit,${'x'.repeat(5 * 1024 * 1024)}\n`;
    const tooBig = await caught(importer.preview(alice, { accountId: id, csv: big }));
    expect((tooBig as Error).message).toMatch(/at most 5 MB/);
    const empty = await caught(importer.preview(alice, { accountId: id, csv: '' }));
    expect((empty as Error).message).toMatch(/empty/);
  });

  it("does not import into another user's account", async () => {
    const { id } = await account('Bob', 'KRW', bob);
    const error = await caught(
      importer.preview(alice, { accountId: id, csv: fixture('korean-broker.csv') }),
    );
    expect(isDomainError(error) && error.code).toBe('NOT_FOUND');
  });

  it('exports CSV that imports into another account as the same ledger, and JSON', async () => {
    const source = await account('Source');
    const csv = fixture('korean-broker.csv');
    const { mapping } = await importer.preview(alice, { accountId: source.id, csv });
    await importer.commit(alice, { accountId: source.id, csv, mapping });
    await ledger.transactions.create(alice, {
      accountId: source.id,
      type: 'split',
      tradeDate: '2024-05-02',
      symbol: '000660',
      splitRatio: '2',
      note: '=1+1, "quoted"',
    });

    const exported = await exporter.export(alice, { format: 'csv', accountId: source.id });
    expect(exported.filename).toBe('stockvis-transactions-source-2024-06-01.csv');
    expect(exported.content.split('\r\n')[0]).toBe(
      '\uFEFFaccount,date,type,symbol,quantity,price,amount,fees,taxes,currency,splitRatio,costPrice,note',
    );

    // Into the same account: everything is already there.
    const same = await importer.preview(alice, { accountId: source.id, csv: exported.content });
    expect(same.counts).toMatchObject({ total: 7, duplicates: 7, new: 0, invalid: 0 });

    const target = await account('Target');
    const preview = await importer.preview(alice, { accountId: target.id, csv: exported.content });
    expect(preview.counts).toMatchObject({ total: 7, new: 7, invalid: 0 });
    await importer.commit(alice, {
      accountId: target.id,
      csv: exported.content,
      mapping: preview.mapping,
    });

    const strip = (rows: Awaited<ReturnType<typeof ledger.repo.ledgerOf>>) =>
      rows.map(
        ({ id: _id, accountId: _a, importKey: _k, createdAt: _c, updatedAt: _u, ...rest }) => rest,
      );
    expect(strip(await ledger.repo.ledgerOf(target.id))).toEqual(
      strip(await ledger.repo.ledgerOf(source.id)),
    );
    expect((await ledger.repo.ledgerOf(target.id)).at(-1)?.note).toBe('=1+1, "quoted"');

    const json = await exporter.export(alice, { format: 'json' });
    const document = JSON.parse(json.content);
    expect(document.accounts.map((a: { name: string }) => a.name)).toEqual(['Source', 'Target']);
    expect(document.accounts[0].transactions[1]).toMatchObject({
      date: '2024-01-03',
      type: 'buy',
      symbol: '005930.KS',
      quantity: '10',
      price: '71000',
      fees: '106',
    });
    const other = await caught(exporter.export(bob, { format: 'csv', accountId: source.id }));
    expect(isDomainError(other) && other.code).toBe('NOT_FOUND');
  });
});
