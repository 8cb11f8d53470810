import type { Logger } from '@/server/logger';
import type { RealtimeConfig } from './config';
import { createPusherPublisher, createSsePublisher, type RealtimePublisher } from './publisher';
import { sseHub, type SseHub } from './sse-hub';

/**
 * The publisher for this configuration. The SSE one publishes into the process-wide hub, the same
 * one /api/realtime streams from.
 */
export function createRealtimePublisher(
  config: RealtimeConfig,
  deps: { hub?: SseHub; logger?: Logger } = {},
): RealtimePublisher {
  return config.transport === 'pusher'
    ? createPusherPublisher(config, { logger: deps.logger })
    : createSsePublisher(deps.hub ?? sseHub());
}
