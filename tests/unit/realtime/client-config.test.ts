import { describe, expect, it } from 'vitest';
import { realtimeClientConfig } from '@/server/realtime/client-config';

describe('realtimeClientConfig', () => {
  it('passes the SSE transport through', () => {
    expect(realtimeClientConfig({ transport: 'sse' })).toEqual({ transport: 'sse' });
  });

  it('gives the browser the public Pusher values and never the secret or app id', () => {
    const config = realtimeClientConfig({
      transport: 'pusher',
      appId: '4242',
      key: 'public-key',
      secret: 'very-secret-value',
      cluster: 'ap3',
      useTLS: true,
    });
    expect(config).toEqual({
      transport: 'pusher',
      key: 'public-key',
      cluster: 'ap3',
      forceTLS: true,
    });
    expect(JSON.stringify(config)).not.toMatch(/very-secret-value|4242/);
  });

  it('points the socket at a self-hosted Pusher-protocol server', () => {
    expect(
      realtimeClientConfig({
        transport: 'pusher',
        appId: 'app',
        key: 'k',
        secret: 's',
        cluster: 'mt1',
        host: 'realtime.example.com',
        port: 6001,
        useTLS: false,
      }),
    ).toEqual({
      transport: 'pusher',
      key: 'k',
      cluster: 'mt1',
      wsHost: 'realtime.example.com',
      wsPort: 6001,
      forceTLS: false,
    });
  });
});
