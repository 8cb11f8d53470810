import { afterEach, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { setServicesForTesting, type Services } from '@/server/services';
import type { HealthReport } from '@/server/system/health';

function servicesReporting(report: Partial<HealthReport>): Services {
  return { system: { health: async () => report } } as unknown as Services;
}

afterEach(() => setServicesForTesting(undefined));

const request = () =>
  new Request('http://localhost/api/health', { headers: { 'x-request-id': 'req-12345678' } });

describe('GET /api/health', () => {
  it('answers 200 while the database is reachable, even when degraded', async () => {
    setServicesForTesting(servicesReporting({ status: 'degraded' }));
    const response = await GET(request());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-request-id')).toBe('req-12345678');
    expect(await response.json()).toMatchObject({ status: 'degraded' });
  });

  it('answers 503 when the database is down', async () => {
    setServicesForTesting(servicesReporting({ status: 'down' }));
    expect((await GET(request())).status).toBe(503);
  });

  it('answers 503 with the reason when the services cannot even start', async () => {
    setServicesForTesting({
      get system(): never {
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      },
    } as unknown as Services);
    const response = await GET(request());
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'down',
      database: { ok: false, error: 'connect ECONNREFUSED 127.0.0.1:5432' },
    });
  });
});
