import WebSocket from 'ws';
import { ProviderError } from '@/server/market-data/errors';
import { backoffDelay } from '@/server/market-data/retry';
import type { TickStreamHandlers, TickSubscription } from '@/server/market-data/types';
import { H0STCNT0, parseKisFrame, subscriptionFrame, tradeFromRecord } from './frames';
import { kisListingOf } from './symbols';

/**
 * The H0STCNT0 (KRX trades) websocket. One connection carries every subscription; when it drops
 * we reconnect with exponential backoff and send every subscription again, since KIS forgets them
 * with the session. KIS allows 40 subscriptions per session.
 */
export interface KisStreamOptions {
  wsUrl: string;
  approvalKey(signal?: AbortSignal): Promise<string>;
  rejectApprovalKey(key: string): void;
  maxSubscriptions?: number;
  reconnect?: { baseDelayMs: number; maxDelayMs: number; jitter: number };
  /** Frames we could not use (bad records, refused subscriptions); for the logs. */
  onWarning?: (message: string) => void;
}

export const KIS_MAX_SUBSCRIPTIONS = 40;
const defaultReconnect = { baseDelayMs: 1_000, maxDelayMs: 60_000, jitter: 0.3 };

export function openKisTickStream(
  symbols: string[],
  handlers: TickStreamHandlers,
  options: KisStreamOptions,
): TickSubscription {
  const maxSubscriptions = options.maxSubscriptions ?? KIS_MAX_SUBSCRIPTIONS;
  const reconnectPolicy = options.reconnect ?? defaultReconnect;
  const warn = (message: string) => options.onWarning?.(message);
  /** KIS code → our symbol, in subscription order. */
  const subscribed = new Map<string, string>();
  let socket: WebSocket | undefined;
  let approvalKey: string | undefined;
  let closed = false;
  let failures = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  /** Cancels a pending approval-key request when the stream is closed. */
  const lifetime = new AbortController();

  const status = (state: 'connecting' | 'open' | 'reconnecting' | 'closed', error?: string) =>
    handlers.onStatus?.(error === undefined ? { state } : { state, error });

  const isOpen = () => socket?.readyState === WebSocket.OPEN;

  function send(code: string, subscribe: boolean) {
    if (socket && approvalKey && isOpen()) {
      socket.send(subscriptionFrame(approvalKey, code, subscribe));
    }
  }

  function add(list: string[]) {
    const fresh = new Map<string, string>();
    for (const symbol of list) {
      const { code } = kisListingOf(symbol);
      if (!subscribed.has(code)) fresh.set(code, symbol);
    }
    if (subscribed.size + fresh.size > maxSubscriptions) {
      throw new ProviderError(
        'kis',
        'rejected',
        `KIS allows ${maxSubscriptions} live subscriptions per session; ${subscribed.size + fresh.size} asked`,
      );
    }
    for (const [code, symbol] of fresh) {
      subscribed.set(code, symbol);
      send(code, true);
    }
  }

  function handleMessage(ws: WebSocket, text: string) {
    const frame = parseKisFrame(text);
    switch (frame.type) {
      case 'pingpong':
        ws.send(text); // KIS drops sessions that do not echo its keep-alive verbatim.
        return;
      case 'invalid':
        warn(frame.reason);
        return;
      case 'system':
        if (frame.ok) return;
        warn(`${frame.trId} ${frame.trKey}: ${frame.code} ${frame.message}`.trim());
        if (/approval/i.test(frame.message) && approvalKey) {
          // A stale approval key: get a new one and start a fresh session.
          options.rejectApprovalKey(approvalKey);
          ws.terminate();
        }
        return;
      case 'data':
        if (frame.trId !== H0STCNT0) return;
        if (frame.encrypted) {
          warn(`${H0STCNT0}: encrypted frame ignored`);
          return;
        }
        for (const record of frame.records) emitTrade(record);
    }
  }

  function emitTrade(record: string[]) {
    const trade = tradeFromRecord(record);
    if ('error' in trade) {
      warn(`${H0STCNT0}: ${trade.error}`);
      return;
    }
    const symbol = subscribed.get(trade.code);
    if (!symbol) return; // a trade still in flight for a symbol just unsubscribed
    try {
      handlers.onTick({
        symbol,
        price: trade.price,
        size: trade.size,
        time: trade.time,
        cumulativeVolume: trade.cumulativeVolume,
        change: trade.change,
        changePercent: trade.changePercent,
      });
    } catch (error) {
      warn(`onTick threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function connect() {
    let key: string;
    try {
      key = await options.approvalKey(lifetime.signal);
    } catch (error) {
      if (!closed) scheduleReconnect(error instanceof Error ? error.message : String(error));
      return;
    }
    if (closed) return;
    approvalKey = key;
    const ws = new WebSocket(options.wsUrl);
    socket = ws;
    let lastError: string | undefined;
    ws.on('open', () => {
      failures = 0;
      status('open');
      for (const code of subscribed.keys()) send(code, true);
    });
    ws.on('message', (data) => handleMessage(ws, data.toString()));
    ws.on('error', (error) => {
      lastError = error.message; // 'close' follows and decides what to do
    });
    ws.on('close', () => {
      if (socket === ws) socket = undefined;
      if (!closed) scheduleReconnect(lastError ?? 'connection closed');
    });
  }

  function scheduleReconnect(reason: string) {
    failures += 1;
    status('reconnecting', reason);
    const delay = backoffDelay(failures, reconnectPolicy);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      void connect();
    }, delay);
  }

  add(symbols);
  status('connecting');
  void connect();

  return {
    subscribe(list) {
      add(list);
    },
    unsubscribe(list) {
      for (const symbol of list) {
        const { code } = kisListingOf(symbol);
        if (!subscribed.delete(code)) continue;
        send(code, false);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      lifetime.abort(new Error('tick stream closed'));
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const ws = socket;
      if (ws && ws.readyState !== WebSocket.CLOSED) {
        const done = new Promise<void>((resolve) => ws.once('close', () => resolve()));
        if (ws.readyState === WebSocket.OPEN) ws.close(1000);
        else ws.terminate();
        await done;
      }
      status('closed');
    },
  };
}
