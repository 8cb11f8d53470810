/**
 * Server constants the ledger UI needs, mirrored here because their modules (schemas.ts, repo.ts)
 * are server code that should not be bundled for the browser. A unit test keeps them equal.
 */
import type { ImportField } from '@/server/portfolio/schemas';

/** server/portfolio/repo.ts accountKinds. */
export const accountKinds = ['brokerage', 'crypto', 'cash'] as const;
export type AccountKind = (typeof accountKinds)[number];

/** server/portfolio/schemas.ts importFields, in the order the mapping editor lists them. */
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
] as const satisfies readonly ImportField[];

/** server/portfolio/schemas.ts IMPORT_LIMITS.bytes: the largest file one import takes. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** server/portfolio/schemas.ts accountNameSchema's maximum length. */
export const ACCOUNT_NAME_MAX_LENGTH = 60;
