import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inngest } from '@/inngest/client';
import { priceMoved } from '@/inngest/events';
import { deliverNotification, planDeliveries } from '@/inngest/functions/alerts-deliver';
import { evaluatePriceAlerts } from '@/inngest/functions/alerts-evaluate';
import { portfolioPriceMoved } from '@/inngest/functions/portfolio-price-moved';
import { logger } from '@/server/logger';
import { applyLedger } from '@/server/portfolio/ledger';
import { createPortfolioRepo } from '@/server/portfolio/repo';
import { createLocalRunner, type LocalRunner } from '@/server/scheduler/local-runner';
import { setServicesForTesting } from '@/server/services';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/test-db';
import { createTestServices } from '@/tests/helpers/test-services';

let db: TestDatabase;
let runner: LocalRunner | undefined;
let server: http.Server;
let hookUrl: string;
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      hits.push(body);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  db = await createTestDatabase();
}, 60_000);

afterEach(async () => {
  await runner?.stop();
  setServicesForTesting(undefined);
});

afterAll(async () => {
  await db?.dispose();
  await new Promise((resolve) => server?.close(resolve));
});

describe('alert jobs', () => {
  it('a price move evaluates the symbol’s rules, delivers the alert and refreshes holders’ valuations', async () => {
    const ctx = createTestServices(db.prisma, db.kind);
    setServicesForTesting(ctx.services);
    const { services } = ctx;
    const user = (await db.prisma.user.create({ data: { email: 'jobs@example.com' } })).id;
    const repo = createPortfolioRepo(db.prisma);
    const account = await repo.createAccount(user, {
      name: 'Main',
      kind: 'brokerage',
      baseCurrency: 'USD',
      allowNegativeCash: true,
    });
    await repo.insertTransactions(account.id, [
      {
        type: 'buy',
        tradeDate: '2026-01-05',
        currency: 'USD',
        symbol: 'MSFT',
        quantity: '2',
        price: '400',
      },
    ]);
    await repo.replaceCaches(
      account.id,
      applyLedger(await repo.ledgerOf(account.id), { allowNegativeCash: true }),
    );
    await services.alerts.rules.create(user, {
      condition: { kind: 'price-above', price: '420' },
      symbol: 'MSFT',
      severity: 'warning',
      cooldownMinutes: 0,
    });
    await services.alerts.channels.create(user, {
      label: 'ops',
      config: { kind: 'webhook', url: hookUrl, secret: 'x'.repeat(20) },
      minSeverity: 'info',
      enabled: true,
    });
    await services.marketDataLayer.stores.quotes.upsert({
      symbol: 'MSFT',
      currency: 'USD',
      price: 425,
      open: 410,
      high: 426,
      low: 409,
      previousClose: 410,
      change: 15,
      changePercent: 3.66,
      volume: 1000,
      tradingDay: new Date().toISOString().slice(0, 10),
      asOf: Date.now(),
      provider: 'demo',
    } as never);

    runner = createLocalRunner({
      client: inngest,
      functions: [evaluatePriceAlerts, planDeliveries, deliverNotification, portfolioPriceMoved],
      logger,
    });
    runner.start();
    await inngest.send(priceMoved.create({ symbol: 'MSFT' }));

    const notification = await vi.waitFor(
      async () => {
        const row = await db.prisma.notification.findFirst({ where: { userId: user } });
        if (!row) throw new Error('no notification yet');
        return row;
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(notification).toMatchObject({
      kind: 'price-above',
      severity: 'warning',
      symbol: 'MSFT',
    });
    // The evaluation asked for delivery; the test services record it, so hand it to the runner.
    const asked = ctx.sentEvents.filter((e) => e.name === 'alerts/notification.created');
    expect(asked).toEqual([
      { name: 'alerts/notification.created', data: { notificationId: notification.id } },
    ]);
    await inngest.send(asked as never);
    await vi.waitFor(
      async () => {
        const delivery = await db.prisma.delivery.findFirst({
          where: { notificationId: notification.id },
        });
        if (delivery?.status !== 'sent')
          throw new Error(`delivery ${delivery?.status ?? 'missing'}`);
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(hits).toHaveLength(1);
    expect(JSON.parse(hits[0]!)).toMatchObject({ kind: 'alert', severity: 'warning' });
    // The holder's account valuation was requested (debounced per account downstream).
    await vi.waitFor(
      () => {
        const moved = runner!
          .status()
          .functions.find((f) => f.id.endsWith('portfolio-price-moved'));
        if (moved?.lastRun?.outcome !== 'completed') throw new Error('not completed yet');
      },
      { timeout: 30_000, interval: 100 },
    );
  }, 120_000);
});
