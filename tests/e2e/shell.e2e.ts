import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  e2eSkipReason,
  gotoReady,
  sharedBrowser,
  newContext,
  screenshot,
  signInAsDemo,
  waitForHydration,
} from '@/tests/helpers/e2e-browser';

/** How many pixels the page scrolls sideways (0 when everything fits the viewport). */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe.skipIf(e2eSkipReason() !== null)('app shell: language, theme, mobile', () => {
  const browser = sharedBrowser();

  it('switches the language ko ↔ en, and the choice survives a reload', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page);
    await page.getByRole('heading', { level: 1, name: 'Hello, Demo Investor' }).waitFor();
    // Wait for the client data too, so the screenshot shows the loaded dashboard.
    await page.getByRole('heading', { name: 'Watchlists' }).waitFor();
    await page.getByTestId('last-heartbeat').waitFor();
    await screenshot(page, 'dashboard-en');

    // Language and theme live in the account menu on wide screens (the header stays one row).
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await page.getByRole('link', { name: '대시보드' }).first().waitFor();
    await page.getByRole('heading', { level: 1, name: '안녕하세요, Demo Investor님' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'NEXT_LOCALE')?.value).toBe('ko');

    await page.reload();
    await waitForHydration(page);
    await page.getByRole('heading', { name: '관심 종목', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    await page.getByTestId('last-heartbeat').waitFor();
    await screenshot(page, 'dashboard-ko');

    await page.getByRole('button', { name: '계정 메뉴' }).click();
    await page.getByRole('combobox', { name: '언어' }).selectOption('en');
    await page.getByRole('heading', { name: 'Watchlists', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Watchlists', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });

  it('applies the dark theme from the toggle', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page, '/system');
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'Dark' }).click();
    expect(await page.locator('html').getAttribute('class')).toContain('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(11, 15, 23)');
    await page.getByTestId('last-heartbeat').first().waitFor();
    await screenshot(page, 'system-dark');
    await gotoReady(page, '/dashboard');
    await page.getByTestId('last-heartbeat').waitFor();
    await screenshot(page, 'dashboard-dark');
    await context.close();
  });

  it('folds navigation into a menu on a phone-sized screen', async () => {
    const context = await newContext(browser(), { viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signInAsDemo(page);
    await page.getByTestId('last-heartbeat').waitFor();
    // Nothing may overflow sideways.
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).count()).toBe(0);
    await screenshot(page, 'dashboard-mobile');

    const menuButton = page.getByRole('button', { name: 'Open menu' });
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    await menuButton.click();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.waitFor();
    await screenshot(page, 'dashboard-mobile-menu');
    await page.locator('#mobile-menu').getByRole('link', { name: 'System' }).click();
    await page.waitForURL('**/system');
    // The menu closes after navigating.
    expect(
      await page.getByRole('button', { name: 'Open menu' }).getAttribute('aria-expanded'),
    ).toBe('false');
    await page.getByTestId('last-heartbeat').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'system-mobile');
    await gotoReady(page, '/settings');
    await page.getByLabel('Display name').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'settings-mobile');
    await context.close();
  });
});
