'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc-provider';
import { useDebouncedValue } from './use-debounced-value';

/** Typing pauses shorter than this are one query. */
const DEBOUNCE_MS = 150;
const RESULT_LIMIT = 8;
/** One empty list, so an empty result keeps its identity between renders. */
const NO_MATCHES: never[] = [];
/** The server's input limit (stockSearchInput). */
export const MAX_QUERY_LENGTH = 64;

/**
 * Autocomplete results for what is typed. The previous answer stays on screen while the next one
 * loads, so the list never blinks empty between keystrokes; `settled` tells whether the shown
 * results belong to the current text.
 */
export function useStockSearch(text: string) {
  const trpc = useTRPC();
  const query = text.trim().slice(0, MAX_QUERY_LENGTH);
  const debounced = useDebouncedValue(query, DEBOUNCE_MS);
  const enabled = debounced.length > 0;
  const result = useQuery({
    ...trpc.stocks.search.queryOptions({ query: debounced, limit: RESULT_LIMIT }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const matches = (query.length > 0 ? result.data : undefined) ?? NO_MATCHES;
  const settled =
    query.length > 0 && debounced === query && result.isSuccess && !result.isPlaceholderData;
  return {
    query,
    matches,
    settled,
    loading: query.length > 0 && !settled && !result.isError,
    error: query.length > 0 && debounced === query && result.isError ? result.error : null,
    retry: () => void result.refetch(),
  };
}

export type StockSearchMatch = ReturnType<typeof useStockSearch>['matches'][number];
