/**
 * Ledger export as CSV or JSON. The CSV's columns are the field names the importer recognises
 * (csv-columns.ts), amounts are exact decimals without separators, so exporting an account and
 * importing the file into another account reproduces its ledger; importing it into the same
 * account adds nothing (every row is a duplicate).
 */
import { exportColumns } from './csv-columns';
import type { AccountRecord, PortfolioRepo, TransactionRecord } from './repo';

export interface LedgerExport {
  filename: string;
  contentType: string;
  content: string;
}

/** Quotes what CSV needs quoted; a leading = + - @ is guarded so spreadsheets don't run it. */
function csvCell(value: string | null): string {
  if (value === null) return '';
  const guarded = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function csvRow(account: AccountRecord, tx: TransactionRecord): string {
  const cells: Record<(typeof exportColumns)[number], string | null> = {
    account: account.name,
    date: tx.tradeDate,
    type: tx.type,
    symbol: tx.symbol,
    quantity: tx.quantity,
    price: tx.price,
    amount: tx.amount,
    fees: tx.fees,
    taxes: tx.taxes,
    currency: tx.currency,
    splitRatio: tx.splitRatio,
    costPrice: tx.costPrice,
    note: tx.note,
  };
  return exportColumns.map((column) => csvCell(cells[column])).join(',');
}

export type LedgerExporter = ReturnType<typeof createLedgerExporter>;

export function createLedgerExporter({ repo, now }: { repo: PortfolioRepo; now?: () => Date }) {
  const clock = now ?? (() => new Date());
  return {
    /** One account (scoped to the user: another user's id is NOT_FOUND) or all of them. */
    async export(
      userId: string,
      input: { format: 'csv' | 'json'; accountId?: string },
    ): Promise<LedgerExport> {
      const accounts = input.accountId
        ? [await repo.getAccount(userId, input.accountId)]
        : await repo.listAccounts(userId);
      const ledgers = await repo.ledgersOf(accounts.map((account) => account.id));
      const stamp = clock().toISOString().slice(0, 10);
      const base = `stockvis-transactions-${input.accountId ? slug(accounts[0]!.name) : 'all'}-${stamp}`;

      if (input.format === 'csv') {
        const lines = [exportColumns.join(',')];
        for (const account of accounts) {
          for (const tx of ledgers.get(account.id) ?? []) lines.push(csvRow(account, tx));
        }
        return {
          filename: `${base}.csv`,
          contentType: 'text/csv; charset=utf-8',
          // A BOM so Excel opens Korean names as UTF-8; the importer strips it.
          content: `\uFEFF${lines.join('\r\n')}\r\n`,
        };
      }

      const document = {
        format: 'stockvis-ledger',
        version: 1,
        exportedAt: clock().toISOString(),
        accounts: accounts.map((account) => ({
          id: account.id,
          name: account.name,
          kind: account.kind,
          baseCurrency: account.baseCurrency,
          allowNegativeCash: account.allowNegativeCash,
          transactions: (ledgers.get(account.id) ?? []).map((tx) => ({
            id: tx.id,
            date: tx.tradeDate,
            sequence: tx.sequence,
            type: tx.type,
            symbol: tx.symbol,
            quantity: tx.quantity,
            price: tx.price,
            amount: tx.amount,
            fees: tx.fees,
            taxes: tx.taxes,
            currency: tx.currency,
            splitRatio: tx.splitRatio,
            costPrice: tx.costPrice,
            note: tx.note,
          })),
        })),
      };
      return {
        filename: `${base}.json`,
        contentType: 'application/json',
        content: JSON.stringify(document, null, 2),
      };
    },
  };
}

function slug(name: string): string {
  return (
    name
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'account'
  );
}
