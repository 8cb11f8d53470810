/**
 * tRPC input schemas of the ledger procedures (accounts, transactions, import, export) and the
 * DTOs they answer with. Money in DTOs is exact decimal strings: superjson does not know Decimal.
 * The per-type transaction rules are `ledgerTransactionSchema`'s (./types.ts); the service adds
 * the checks that need data (instrument exists, currency, date not in the future).
 */
import { z } from 'zod';
import { currencies, transactionTypes, type Currency, type TransactionType } from './types';
import { accountKinds, type AccountKind } from './repo';

export const IMPORT_LIMITS = { bytes: 5 * 1024 * 1024, rows: 20_000 } as const;

const idSchema = z.string().min(1).max(64);
const accountNameSchema = z.string().trim().min(1).max(60);

export const createAccountInput = z.object({
  name: accountNameSchema,
  kind: z.enum(accountKinds),
  baseCurrency: z.enum(currencies),
  allowNegativeCash: z.boolean().default(false),
});

export const updateAccountInput = z.object({
  id: idSchema,
  name: accountNameSchema.optional(),
  kind: z.enum(accountKinds).optional(),
  baseCurrency: z.enum(currencies).optional(),
  allowNegativeCash: z.boolean().optional(),
});

export const accountIdInput = z.object({ id: idSchema });

/** Exact decimal text from a form: numbers are accepted but strings are what keeps them exact. */
const decimalInput = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().max(40));

/** The transaction fields a form sends (symbol in any accepted spelling, e.g. `005930`). */
export const transactionFieldsSchema = z.object({
  type: z.enum(transactionTypes),
  tradeDate: z.string().trim(),
  currency: z.enum(currencies).optional(),
  symbol: z.string().trim().max(24).nullish(),
  quantity: decimalInput.nullish(),
  price: decimalInput.nullish(),
  amount: decimalInput.nullish(),
  fees: decimalInput.nullish(),
  taxes: decimalInput.nullish(),
  splitRatio: decimalInput.nullish(),
  costPrice: decimalInput.nullish(),
  note: z.string().trim().max(500).nullish(),
});

export type TransactionFields = z.infer<typeof transactionFieldsSchema>;

export const createTransactionInput = transactionFieldsSchema.extend({ accountId: idSchema });
export const updateTransactionInput = transactionFieldsSchema.extend({ id: idSchema });
export const transactionIdInput = z.object({ id: idSchema });

export const listTransactionsInput = z.object({
  accountId: idSchema.optional(),
  symbol: z.string().trim().min(1).max(24).optional(),
  cursor: idSchema.nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const importFields = [
  'date',
  'type',
  'symbol',
  'name',
  'quantity',
  'price',
  'amount',
  'fees',
  'taxes',
  'currency',
  'splitRatio',
  'costPrice',
  'note',
] as const;
export type ImportField = (typeof importFields)[number];

/** Which CSV header feeds each field (headers as they appear in the file). */
export const importMappingSchema = z.partialRecord(z.enum(importFields), z.string().min(1));
export type ImportMapping = z.infer<typeof importMappingSchema>;

// Characters, not bytes: the byte limit (5 MB) is checked by the importer with a clear message.
const csvSchema = z.string().max(IMPORT_LIMITS.bytes, { error: 'CSV_TOO_LARGE' });

export const importPreviewInput = z.object({
  accountId: idSchema,
  csv: csvSchema,
  mapping: importMappingSchema.optional(),
});

export const importCommitInput = z.object({
  accountId: idSchema,
  csv: csvSchema,
  mapping: importMappingSchema,
});

export const exportInput = z.object({
  format: z.enum(['csv', 'json']),
  accountId: idSchema.optional(),
});

// ── DTOs ────────────────────────────────────────────────────────────────────────────────────

export interface AccountDto {
  id: string;
  name: string;
  kind: AccountKind;
  baseCurrency: Currency;
  allowNegativeCash: boolean;
  /** Cash per currency as exact decimal strings (currencies the ledger used). */
  cash: { currency: Currency; balance: string }[];
  transactionCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface TransactionDto {
  id: string;
  accountId: string;
  type: TransactionType;
  tradeDate: string;
  sequence: number;
  currency: Currency;
  symbol: string | null;
  quantity: string | null;
  price: string | null;
  amount: string | null;
  fees: string;
  taxes: string;
  splitRatio: string | null;
  costPrice: string | null;
  note: string | null;
  imported: boolean;
  createdAt: Date;
  updatedAt: Date;
}
