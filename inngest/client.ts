import { Inngest, type ClientOptions } from 'inngest';
import { logger } from '@/server/logger';
import { localAwareFetch, localEventKey } from './local-dispatch';

const options = {
  id: 'stockvis',
  logger: logger.child({ module: 'inngest' }),
  // In local mode event sends are answered in-process (see ./local-dispatch); otherwise this is
  // the global fetch and the SDK talks to Inngest Cloud (or a dev server) as configured by INNGEST_*.
  fetch: localAwareFetch,
  // Read by the SDK on every send. Local mode has no INNGEST_EVENT_KEY, and `send` refuses to run
  // without one, so the registered runner supplies a process-local key; otherwise undefined and the
  // SDK falls back to INNGEST_EVENT_KEY itself.
  get eventKey() {
    return localEventKey();
  },
} satisfies ClientOptions;

export const inngest = new Inngest(options);
