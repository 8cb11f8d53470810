import { stocksCacheSeconds } from './routers/stocks';

/**
 * HTTP caching for a tRPC response: only successful queries whose every path has a freshness
 * window; a batch takes the shortest. `private`: answers are for the signed-in user only.
 */
export function cacheControlFor(input: {
  paths: readonly string[] | undefined;
  type: string;
  ok: boolean;
}): string | undefined {
  if (!input.ok || input.type !== 'query' || !input.paths?.length) return undefined;
  const seconds = input.paths.map((path) => stocksCacheSeconds[path]);
  if (seconds.some((s) => s === undefined)) return undefined;
  const maxAge = Math.min(...(seconds as number[]));
  return `private, max-age=${maxAge}`;
}
