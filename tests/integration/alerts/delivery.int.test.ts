import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '@/server/alerts/channels/webhook';
import { DELIVERY_MAX_ATTEMPTS } from '@/server/alerts/delivery-service';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/test-db';
import { createTestServices } from '@/tests/helpers/test-services';

const SECRET = 'a-webhook-secret-of-some-length';
const clock = Date.parse('2026-03-10T02:00:00Z'); // 11:00 in Seoul
let db: TestDatabase;
let ctx: ReturnType<typeof createTestServices>;
let user: string;
let server: http.Server;
let baseUrl: string;
const received: { path: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      if (req.url === '/ok') res.writeHead(204).end();
      else if (req.url === '/down') res.writeHead(503).end('maintenance');
      else res.writeHead(400, { 'content-type': 'text/plain' }).end('bad hook');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  db = await createTestDatabase();
  ctx = createTestServices(db.prisma, db.kind, { now: () => clock });
  user = (
    await db.prisma.user.create({
      data: { email: 'dora@example.com', locale: 'ko', timezone: 'Asia/Seoul' },
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await db?.dispose();
  await new Promise((resolve) => server?.close(resolve));
});

beforeEach(async () => {
  await db.prisma.notification.deleteMany();
  await db.prisma.notificationChannel.deleteMany();
  await db.prisma.alertRule.deleteMany();
  await db.prisma.alertSettings.deleteMany();
  received.length = 0;
  ctx.sentEvents.length = 0;
});

async function channel(path: string, minSeverity: 'info' | 'warning' = 'info') {
  return ctx.services.alerts.channels.create(user, {
    label: `hook ${path}`,
    config: { kind: 'webhook', url: `${baseUrl}${path}`, secret: SECRET },
    minSeverity,
    enabled: true,
  });
}

/** Make one alert fire for the user and return its notification id. */
async function fire(severity: 'info' | 'warning' = 'warning'): Promise<string> {
  const { rules, evaluator } = ctx.services.alerts;
  await rules.create(user, {
    condition: { kind: 'price-above', price: '100' },
    symbol: 'AAPL',
    severity,
    cooldownMinutes: 0,
  });
  await ctx.services.marketDataLayer.stores.quotes.upsert({
    symbol: 'AAPL',
    currency: 'USD',
    price: 101 + received.length,
    open: 99,
    high: 102,
    low: 98,
    previousClose: 99,
    change: 2,
    changePercent: 2,
    volume: 1000,
    tradingDay: '2026-03-10',
    asOf: clock,
    provider: 'demo',
  } as never);
  const outcome = await evaluator.evaluateSymbols(['AAPL']);
  expect(outcome.fired).toBe(1);
  return outcome.notificationIds[0]!;
}

describe('channels', () => {
  it('stores settings encrypted, shows them masked, and sends a signed test message', async () => {
    const { id } = await channel('/ok');
    const row = await db.prisma.notificationChannel.findUniqueOrThrow({ where: { id } });
    expect(row.configEncrypted).not.toContain(SECRET);
    expect(row.configEncrypted).not.toContain('127.0.0.1');
    const [listed] = await ctx.services.alerts.channels.list(user);
    expect(listed).toMatchObject({ kind: 'webhook', readable: true });
    expect(JSON.stringify(listed)).not.toContain(SECRET);

    const result = await ctx.services.alerts.channels.sendTest(user, id);
    expect(result.ok).toBe(true);
    const request = received.at(-1)!;
    const body = JSON.parse(request.body) as { kind: string; title: string };
    expect(body.kind).toBe('test');
    expect(body.title).toMatch(/Stockvis/);
    expect(
      verifyWebhookSignature(
        SECRET,
        request.headers['x-stockvis-timestamp'] as string,
        request.body,
        request.headers['x-stockvis-signature'] as string,
      ),
    ).toBe(true);
  });

  it('refuses another user’s channel', async () => {
    const { id } = await channel('/ok');
    const other = (await db.prisma.user.create({ data: { email: 'eve@example.com' } })).id;
    await expect(ctx.services.alerts.channels.sendTest(other, id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('delivery', () => {
  it('asks for delivery only for owners with channels, honouring each channel’s minimum severity', async () => {
    const id = await fire('info');
    expect(ctx.sentEvents).toHaveLength(0); // no channels yet: nothing to deliver
    await channel('/ok', 'warning');
    const plan = await ctx.services.alerts.delivery.plan(id);
    expect(plan.deliveryIds).toHaveLength(0); // info is below the channel's minimum
  });

  it('sends to each channel on its own: one succeeds, one retries then fails, one fails at once', async () => {
    const ok = await channel('/ok');
    const down = await channel('/down');
    const bad = await channel('/bad');
    const id = await fire();
    expect(ctx.sentEvents).toEqual([
      { name: 'alerts/notification.created', data: { notificationId: id } },
    ]);
    const { delivery } = ctx.services.alerts;
    const plan = await delivery.plan(id);
    expect(plan.deferUntil).toBeNull();
    expect(plan.deliveryIds).toHaveLength(3);
    expect((await delivery.plan(id)).deliveryIds).toHaveLength(3); // a retried plan adds none

    const byChannel = async (channelId: string) =>
      db.prisma.delivery.findFirstOrThrow({ where: { notificationId: id, channelId } });
    const okDelivery = await byChannel(ok.id);
    const downDelivery = await byChannel(down.id);
    const badDelivery = await byChannel(bad.id);

    expect(await delivery.attempt(okDelivery.id, 0)).toEqual({ status: 'sent' });
    expect(await delivery.attempt(okDelivery.id, 1)).toEqual({ status: 'sent' }); // idempotent
    expect(received.filter((r) => r.path === '/ok')).toHaveLength(1);
    const payload = JSON.parse(received.find((r) => r.path === '/ok')!.body) as {
      severity: string;
      body: string;
      url: string;
    };
    expect(payload.severity).toBe('warning');
    expect(payload.url).toBe('http://localhost:3000/stocks/AAPL');
    expect(payload.body).toMatch(/AAPL|애플/); // the owner's language (ko)

    expect(await delivery.attempt(badDelivery.id, 0)).toMatchObject({ status: 'failed' });

    for (let attempt = 0; attempt < DELIVERY_MAX_ATTEMPTS - 1; attempt++) {
      expect(await delivery.attempt(downDelivery.id, attempt)).toMatchObject({ status: 'retry' });
    }
    expect(await delivery.attempt(downDelivery.id, DELIVERY_MAX_ATTEMPTS - 1)).toMatchObject({
      status: 'failed',
    });

    const rows = await db.prisma.delivery.findMany({ where: { notificationId: id } });
    const status = Object.fromEntries(rows.map((r) => [r.channelId, r]));
    expect(status[ok.id]).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(status[bad.id]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(status[bad.id]!.lastError).toMatch(/400/);
    expect(status[down.id]).toMatchObject({ status: 'failed', attempts: DELIVERY_MAX_ATTEMPTS });
    expect(status[down.id]!.lastError).toMatch(/503/);
    // The notification centre shows each outcome with its reason.
    const [item] = (await ctx.services.alerts.notifications.list(user, { limit: 5 })).items;
    expect(item!.deliveries.map((d) => d.status).sort()).toEqual(['failed', 'failed', 'sent']);
  });

  it('defers outbound delivery during quiet hours and releases it after', async () => {
    await channel('/ok');
    await ctx.services.alerts.settings.update(user, { quietStart: '10:00', quietEnd: '12:30' });
    const id = await fire();
    const plan = await ctx.services.alerts.delivery.plan(id);
    // 11:00 in Seoul: quiet until 12:30 Seoul = 03:30 UTC.
    expect(plan.deferUntil?.toISOString()).toBe('2026-03-10T03:30:00.000Z');
    expect(
      (await db.prisma.delivery.findMany({ where: { notificationId: id } })).map((d) => d.status),
    ).toEqual(['deferred']);
    // The in-app notification is there at once; only outbound waits.
    expect((await ctx.services.alerts.notifications.list(user, { limit: 5 })).unread).toBe(1);
    await ctx.services.alerts.delivery.release(plan.deliveryIds);
    expect(await ctx.services.alerts.delivery.attempt(plan.deliveryIds[0]!, 0)).toEqual({
      status: 'sent',
    });
  });
});
