import { z } from 'zod';

/**
 * The `tick` event on a stock channel (the collector's TickMessage), validated on arrival: the
 * realtime layer hands payloads over as `unknown`.
 */
export const tickMessageSchema = z.object({
  symbol: z.string().min(1),
  price: z.number().finite(),
  change: z.number().finite().nullable(),
  changePercent: z.number().finite().nullable(),
  volume: z.number().finite().nullable(),
  high: z.number().finite().nullable(),
  low: z.number().finite().nullable(),
  time: z.number().finite(),
  currency: z.string().min(1),
});

export type TickMessage = z.infer<typeof tickMessageSchema>;

/** The message, or null when the payload is not a tick (a stray or malformed event). */
export function parseTickMessage(payload: unknown): TickMessage | null {
  const parsed = tickMessageSchema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}
