import { symbolSchema } from '@/server/watchlists/schemas';

/** The canonical symbol (trimmed, upper-cased) if the input is one, using the server's rule. */
export function parseSymbol(raw: string): string | null {
  const parsed = symbolSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
