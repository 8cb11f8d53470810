'use client';

import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { RealtimeClientConfig } from '@/server/realtime/client-config';
import { createPusherConnection } from './realtime/pusher-connection';
import { RealtimeRegistry } from './realtime/registry';
import { createSseConnection } from './realtime/sse-connection';
import type { RealtimeStatus } from './realtime/types';

export type { RealtimeClientConfig } from '@/server/realtime/client-config';
export type { RealtimeStatus } from './realtime/types';

const RegistryContext = createContext<RealtimeRegistry | null>(null);
// Separate from the registry so a status change re-renders only the components that show it.
const StatusContext = createContext<RealtimeStatus>('closed');

/**
 * Live events for the page. Put it once near the root with `realtimeClientConfig(env.realtime)`
 * from the server; components then call `useRealtimeEvent`. Uses the built-in SSE stream or Pusher
 * Channels, whichever the server is configured for.
 */
export function RealtimeProvider({
  config,
  children,
}: {
  config: RealtimeClientConfig;
  children: ReactNode;
}) {
  const [registry] = useState(() => new RealtimeRegistry());
  const [status, setStatus] = useState<RealtimeStatus>('connecting');
  // Compare by value: a parent re-render may pass an equal but new object.
  const configKey = JSON.stringify(config);

  useEffect(() => {
    const current = JSON.parse(configKey) as RealtimeClientConfig;
    const callbacks = { dispatch: registry.dispatch, onStatus: setStatus };
    const connection =
      current.transport === 'pusher'
        ? createPusherConnection({ config: current, ...callbacks })
        : createSseConnection(callbacks);
    const detach = registry.attach(connection);
    return () => {
      detach();
      connection.close();
    };
  }, [configKey, registry]);

  return (
    <RegistryContext.Provider value={registry}>
      <StatusContext.Provider value={status}>{children}</StatusContext.Provider>
    </RegistryContext.Provider>
  );
}

/**
 * Call `handler` for each `event` on `channel` (null = not now, e.g. before the user id is known).
 * The latest handler is always used without resubscribing; the subscription changes only when
 * the channel or event does. Build channel names with userChannel / stockChannel / SYSTEM_CHANNEL
 * from '@/server/realtime/channels'.
 */
export function useRealtimeEvent(
  channel: string | null,
  event: string,
  handler: (payload: unknown) => void,
): void {
  const registry = useContext(RegistryContext);
  const handlerRef = useRef(handler);
  useLayoutEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(() => {
    if (!registry || channel === null) return;
    return registry.on(channel, event, (payload) => handlerRef.current(payload));
  }, [registry, channel, event]);
  if (!registry) throw new Error('useRealtimeEvent must be used inside <RealtimeProvider>.');
}

/** 'open' while events flow; 'connecting' while (re)connecting; 'closed' when offline or idle. */
export function useRealtimeStatus(): RealtimeStatus {
  return useContext(StatusContext);
}
