import type { PrismaClient } from '@/server/generated/prisma/client';

/** A Prisma client or an interactive transaction; both run raw SQL. */
export type SqlRunner = Pick<PrismaClient, '$executeRawUnsafe' | '$queryRawUnsafe'>;

/** Rows per statement: large enough to amortise the round trip, small enough for PGlite's memory. */
export const BATCH_ROWS = 5_000;

export function chunks<T>(rows: readonly T[], size = BATCH_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Numbers go to SQL as their shortest round-trip decimal string, so NUMERIC stores exactly what
 * the provider sent (no binary-float noise such as 0.1 + 0.2).
 */
export function decimalText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value);
}

export function integerText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(Math.round(value));
}
