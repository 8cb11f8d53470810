import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortfolioRepo } from '@/server/portfolio/repo';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/test-db';
import { createTestServices } from '@/tests/helpers/test-services';

let db: TestDatabase;
let ctx: ReturnType<typeof createTestServices>;

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = createTestServices(db.prisma, db.kind, { now: () => Date.parse('2026-03-10T00:00:00Z') });
}, 120_000);

afterAll(async () => {
  await db?.dispose();
});

describe('daily report delivery', () => {
  it('puts the report in the notification centre once, and announces it to the bell and channels', async () => {
    const user = (await db.prisma.user.create({ data: { email: 'rep@example.com', locale: 'en' } }))
      .id;
    await createPortfolioRepo(db.prisma).createAccount(user, {
      name: 'Main',
      kind: 'brokerage',
      baseCurrency: 'KRW',
      allowNegativeCash: false,
    });
    await ctx.services.alerts.channels.create(user, {
      label: 'hook',
      config: {
        kind: 'webhook',
        url: 'https://hooks.example.com/stockvis',
        secret: 'x'.repeat(16),
      },
      minSeverity: 'info',
      enabled: true,
    });
    const { alerts } = ctx.services;
    expect(await alerts.publishReport(user, '2026-03-10')).toEqual({ created: true });
    expect(await alerts.publishReport(user, '2026-03-10')).toEqual({ created: false }); // retried job
    const { items, unread } = await alerts.notifications.list(user, { limit: 10 });
    expect(unread).toBe(1);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      type: 'report',
      link: '/reports/2026-03-10',
      text: 'Your daily report for 2026-03-10 is ready.',
    });
    expect(await db.prisma.dailyReport.count({ where: { userId: user } })).toBe(1);
    expect(ctx.realtime.published.filter((p) => p.event === 'notification.created')).toHaveLength(
      1,
    );
    expect(ctx.sentEvents).toEqual([
      { name: 'alerts/notification.created', data: { notificationId: items[0]!.id } },
    ]);
  });
});
