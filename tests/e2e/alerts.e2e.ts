import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  e2eSkipReason,
  eventually,
  newContext,
  screenshot,
  sharedBrowser,
  signInAsDemo,
} from '@/tests/helpers/e2e-browser';

const APPLE = '/stocks/AAPL';

/** Calls a tRPC mutation as the signed-in browser does (cookies, superjson envelope). */
async function mutate(page: Page, path: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([procedure, body]) => {
      const response = await fetch(`/api/trpc/${procedure}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: body }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${procedure}: ${response.status} ${text}`);
      return JSON.parse(text) as unknown;
    },
    [path, input] as const,
  );
}

async function unreadCount(page: Page): Promise<number> {
  const badge = page.getByTestId('unread-count');
  if ((await badge.count()) === 0) return 0;
  const text = (await badge.textContent()) ?? '0';
  return text === '99+' ? 100 : Number(text);
}

describe.skipIf(e2eSkipReason() !== null)('alerts', () => {
  const browser = sharedBrowser();

  it('rings the bell live when the simulated market crosses a price rule', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page, APPLE);
    await page.waitForURL(`**${APPLE}`);
    const lastPrice = page.getByTestId('last-price');
    await page.locator('[data-testid="live-status"][data-status="open"]').waitFor();
    const price = Number(await lastPrice.getAttribute('data-price'));
    expect(price).toBeGreaterThan(0);
    const bell = page.getByRole('button', { name: /^Notifications/ });
    await bell.waitFor();
    const before = await unreadCount(page);

    // One tick either side of the last print: the demo's bid/ask bounce soon crosses one of them.
    for (const [kind, threshold] of [
      ['price-above', price + 0.01],
      ['price-below', price - 0.01],
    ] as const) {
      await mutate(page, 'alerts.rules.create', {
        condition: { kind, price: threshold.toFixed(2) },
        symbol: 'AAPL',
        severity: 'warning',
        cooldownMinutes: 60,
        enabled: true,
      });
    }

    // No reload: the count arrives over the realtime channel.
    await eventually(
      async () => (await unreadCount(page)) > before,
      'the bell did not count a new alert within 2 minutes',
      120_000,
    );
    await bell.click();
    const item = page.getByTestId('notification-item').filter({ hasText: 'Apple Inc. (AAPL)' });
    await item.first().waitFor();
    expect(await item.first().getAttribute('data-unread')).toBe('true');
    expect(await item.first().textContent()).toMatch(/alert price of \$\d/);
    await screenshot(page, 'alerts-bell-panel');

    // Following it opens the stock and marks it read.
    await item.first().getByRole('link').click();
    await page.waitForURL(`**${APPLE}`);
    await page.goto('/notifications');
    await page.getByRole('heading', { name: 'Notifications' }).first().waitFor();
    await page.getByTestId('notification-item').first().waitFor();
    await context.close();
  }, 240_000);
});
