import { z } from 'zod';

/**
 * The seam between the Inngest client and the in-process runner (server/scheduler). While a
 * dispatcher is registered (local mode), the client's event-send requests are answered here instead
 * of going to Inngest's event API; every other request goes to the network untouched.
 *
 * State lives on globalThis: Next bundles instrumentation (which starts the runner) and route
 * handlers (which send events) separately, so each bundle has its own copy of this module.
 */

/** An event as the SDK posts it to `/e/<key>` (already stamped with `ts`, `data` defaulted). */
export const sentEventSchema = z.object({
  name: z.string().min(1),
  data: z.record(z.string(), z.unknown()).default({}),
  id: z.string().min(1).optional(),
  ts: z.number().optional(),
  v: z.string().optional(),
});

export type SentEvent = z.infer<typeof sentEventSchema>;

/** Accepts events and returns one internal id per event, like Inngest's event API. */
export type LocalEventDispatcher = (events: SentEvent[]) => Promise<string[]>;

/** Stands in for INNGEST_EVENT_KEY while the local runner is registered; never leaves the process. */
export const LOCAL_EVENT_KEY = 'stockvis-local-runner';

const globalForDispatch = globalThis as unknown as {
  stockvisLocalDispatcher?: LocalEventDispatcher;
};

/** Route event sends to `dispatcher`. Returns the matching unregister function. */
export function registerLocalDispatcher(dispatcher: LocalEventDispatcher): () => void {
  globalForDispatch.stockvisLocalDispatcher = dispatcher;
  return () => unregisterLocalDispatcher(dispatcher);
}

/** Stop routing sends in-process (only if `dispatcher` is still the registered one, when given). */
export function unregisterLocalDispatcher(dispatcher?: LocalEventDispatcher): void {
  if (!dispatcher || globalForDispatch.stockvisLocalDispatcher === dispatcher) {
    globalForDispatch.stockvisLocalDispatcher = undefined;
  }
}

export function localDispatcher(): LocalEventDispatcher | undefined {
  return globalForDispatch.stockvisLocalDispatcher;
}

/** The event key the client should use: ours in local mode, else undefined (SDK reads env). */
export function localEventKey(): string | undefined {
  return localDispatcher() ? LOCAL_EVENT_KEY : undefined;
}

const EVENT_API_PATH = /\/e\/[^/]+\/?$/;

/**
 * A `fetch` for the Inngest client. In local mode a POST to the event API is dispatched in-process
 * and answered with the body the SDK's `send` parses (`{ ids, status }`); errors are answered with
 * a 400 and `{ error, status }`, which the SDK turns into a thrown "Inngest API Error".
 */
export const localAwareFetch: typeof fetch = async (input, init) => {
  const dispatcher = localDispatcher();
  if (!dispatcher || !isEventApiPost(input, init)) return fetch(input, init);
  try {
    const events = z.array(sentEventSchema).parse(await new Request(input, init).json());
    const ids = await dispatcher(events);
    return Response.json({ ids, status: 200 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return Response.json({ ids: [], status: 400, error: message }, { status: 400 });
  }
};

function isEventApiPost(input: RequestInfo | URL, init: RequestInit | undefined): boolean {
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  const url = input instanceof Request ? input.url : input.toString();
  return method.toUpperCase() === 'POST' && EVENT_API_PATH.test(new URL(url).pathname);
}
