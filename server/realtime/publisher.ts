import Pusher from 'pusher';
import { DomainError } from '@/server/errors';
import { logger as defaultLogger, type Logger } from '@/server/logger';
import type { PusherConfig, RealtimeTransport } from './config';
import { encodeRealtimeMessage } from './message';
import { createPusherServer } from './pusher-server';
import type { SseHub } from './sse-hub';

/**
 * Sends an event to everyone subscribed to a channel. Messages are checked the same way on both
 * transports (channel and event names, payload at most 10 KB); a bad message is DomainError
 * 'INVALID', an unreachable Pusher is 'UNAVAILABLE'.
 */
export interface RealtimePublisher {
  transport: RealtimeTransport;
  publish(channel: string, event: string, payload: unknown): Promise<void>;
}

export function createSsePublisher(hub: SseHub): RealtimePublisher {
  return {
    transport: 'sse',
    async publish(channel, event, payload) {
      encodeRealtimeMessage(channel, event, payload);
      hub.publish(channel, event, payload);
    },
  };
}

export function createPusherPublisher(
  config: PusherConfig,
  deps: { logger?: Logger; pusher?: Pusher } = {},
): RealtimePublisher {
  const pusher = deps.pusher ?? createPusherServer(config);
  const log = (deps.logger ?? defaultLogger).child({ module: 'realtime.pusher' });
  return {
    transport: 'pusher',
    async publish(channel, event, payload) {
      // Pre-serialised JSON is sent as is by the SDK; pusher-js parses it back on the client.
      const data = encodeRealtimeMessage(channel, event, payload);
      try {
        await pusher.trigger(channel, event, data);
      } catch (error) {
        const status = error instanceof Pusher.RequestError ? error.status : undefined;
        const body = error instanceof Pusher.RequestError ? error.body : undefined;
        // No URL in the log: it carries the signed query string.
        log.error(
          { channel, event, status, body, err: error instanceof Error ? error.message : error },
          'Pusher trigger failed',
        );
        throw new DomainError(
          'UNAVAILABLE',
          `Pusher trigger failed for '${event}' on '${channel}'`,
          {
            channel,
            event,
            status,
          },
        );
      }
    },
  };
}
