import { z } from 'zod';

/**
 * Canonical symbols: exchange suffix for non-US listings (`005930.KS`, `035720.KQ`), plain ticker
 * for US (`AAPL`, `BRK.B`), caret for indices (`^KS11`). Input is trimmed and upper-cased.
 */
export const symbolSchema = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(z.string().regex(/^\^?[A-Z0-9]{1,12}([.-][A-Z0-9]{1,6})?$/, { error: 'INVALID_SYMBOL' }));

export const watchlistNameSchema = z.string().trim().min(1).max(60);
export const watchlistIdSchema = z.string().min(1).max(64);

export const createWatchlistInput = z.object({ name: watchlistNameSchema });
export const renameWatchlistInput = z.object({ id: watchlistIdSchema, name: watchlistNameSchema });
export const watchlistIdInput = z.object({ id: watchlistIdSchema });
export const watchlistSymbolInput = z.object({ id: watchlistIdSchema, symbol: symbolSchema });

export type WatchlistDto = {
  id: string;
  name: string;
  symbols: string[];
  createdAt: Date;
  updatedAt: Date;
};

/** The maximum lists per user and symbols per list: enough for anyone, bounded for the UI. */
export const WATCHLIST_LIMITS = { lists: 50, symbolsPerList: 200 } as const;
