import { describe, expect, it } from 'vitest';
import {
  e2eSkipReason,
  eventually,
  gotoReady,
  sharedBrowser,
  newContext,
  screenshot,
  signInAsDemo,
} from '@/tests/helpers/e2e-browser';

describe.skipIf(e2eSkipReason() !== null)('live updates over SSE', () => {
  const browser = sharedBrowser();

  it('shows a watchlist created in one tab in the other without a reload', async () => {
    const context = await newContext(browser());
    const pageA = await context.newPage();
    await signInAsDemo(pageA);
    const pageB = await context.newPage();
    await gotoReady(pageB, '/dashboard');

    // Both tabs have loaded their list and hold an open event stream.
    for (const page of [pageA, pageB]) {
      await page.getByRole('heading', { name: 'Watchlists', exact: true }).waitFor();
      await page.locator('[data-testid="realtime-status"][data-status="open"]').waitFor();
    }
    const navigationsInA: string[] = [];
    pageA.on('framenavigated', (frame) => {
      if (frame === pageA.mainFrame()) navigationsInA.push(frame.url());
    });

    const name = `Live ${Date.now().toString(36)}`;
    await pageB.getByRole('button', { name: 'New watchlist' }).first().click();
    const dialog = pageB.getByRole('dialog', { name: 'New watchlist' });
    await dialog.getByLabel('Watchlist name').fill(name);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await pageB.getByRole('heading', { name, exact: true }).waitFor();

    await pageA.getByRole('heading', { name, exact: true }).waitFor({ timeout: 15_000 });
    expect(navigationsInA).toEqual([]);

    // A symbol added in A shows up in B the same way, canonicalized.
    await pageA.getByLabel(`Add a symbol to ${name}`).fill('005930.ks');
    await pageA.getByLabel(`Add a symbol to ${name}`).press('Enter');
    await pageB
      .getByRole('button', { name: `Remove 005930.KS from ${name}` })
      .waitFor({ timeout: 15_000 });
    await screenshot(pageA, 'dashboard-live-en');
    await context.close();
  });

  it('updates the last heartbeat live after "Run heartbeat now"', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page, '/system');
    await page.locator('[data-testid="realtime-status"][data-status="open"]').waitFor();
    const lastHeartbeat = page.getByTestId('last-heartbeat');
    await lastHeartbeat.waitFor();
    const before = await lastHeartbeat.getAttribute('datetime');

    // Nothing else refetches the status within the wait (its interval is a minute): only the
    // live event, which patches the value and then triggers a refetch, can change it in time.
    await page.getByRole('button', { name: 'Run heartbeat now' }).click();
    await eventually(async () => {
      const after = await lastHeartbeat.getAttribute('datetime');
      return after !== null && after !== before;
    }, 'last-heartbeat did not change after requesting a heartbeat');
    const after = await lastHeartbeat.getAttribute('datetime');
    if (before) expect(Date.parse(after!)).toBeGreaterThan(Date.parse(before));
    await page.getByText('Heartbeat received live at', { exact: false }).waitFor();
    expect(await page.getByTestId('heartbeat-trigger').textContent()).toBe('Manual request');
    await screenshot(page, 'system-en');
    await context.close();
  });
});
