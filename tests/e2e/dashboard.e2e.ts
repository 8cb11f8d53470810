import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  e2eSkipReason,
  eventually,
  gotoReady,
  newContext,
  screenshot,
  sharedBrowser,
  signInAsDemo,
} from '@/tests/helpers/e2e-browser';

/** A fresh server values the demo portfolio and backfills its snapshots on first read. */
const FIRST_LOAD_MS = 90_000;

async function waitForPortfolio(page: Page): Promise<void> {
  await page.getByTestId('total-value').waitFor({ timeout: FIRST_LOAD_MS });
  await page.getByTestId('value-chart').waitFor({ timeout: FIRST_LOAD_MS });
  await page.locator('[data-testid^="holding-row-"]').first().waitFor({ timeout: FIRST_LOAD_MS });
}

/** Symbols of the holdings table in displayed order. */
function rowSymbols(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid^="holding-row-"]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-symbol') ?? ''));
}

/** The numbers in one column of the holdings table, read by its header's name. */
function columnNumbers(page: Page, header: string): Promise<number[]> {
  return page.getByTestId('holdings-table').evaluate((table, name) => {
    const headers = [...table.querySelectorAll('thead th')];
    const index = headers.findIndex((th) => th.textContent?.includes(name));
    return [...table.querySelectorAll('tbody tr')].map((row) => {
      const cell = row.querySelectorAll('th, td')[index];
      return Number((cell?.textContent ?? '').replace(/[^\d.-]/g, ''));
    });
  }, header);
}

function holdingPrices(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid^="holding-price-"]')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-price') ?? ''));
}

describe.skipIf(e2eSkipReason() !== null)('portfolio dashboard', () => {
  const browser = sharedBrowser();

  it('shows the demo portfolio: summary, charts, live holdings that sort, and a range switch', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page, '/dashboard');
    await page.waitForURL('**/dashboard');
    await waitForPortfolio(page);

    // Summary: a total in won, with the FX it used marked illustrative (offline demo).
    const total = page.getByTestId('total-value');
    expect(await total.textContent()).toMatch(/^₩[\d,]+$/);
    expect(Number(await total.getAttribute('data-value'))).toBeGreaterThan(0);
    await page.getByTestId('fx-illustrative').waitFor();
    expect(await page.getByTestId('summary-total-return').textContent()).toContain(
      'Method: simple return',
    );

    // The value chart plots a path; the donut has slices and a legend with weights.
    const areaPath = page.locator('[data-testid="value-chart"] path.recharts-area-curve');
    await areaPath.waitFor({ state: 'attached' });
    expect((await areaPath.getAttribute('d'))?.length ?? 0).toBeGreaterThan(20);
    expect(
      Number(await page.getByTestId('value-chart').getAttribute('data-points')),
    ).toBeGreaterThan(30);
    await page.locator('[data-testid="allocation-donut"] .recharts-pie-sector').first().waitFor();
    expect(
      await page.locator('[data-testid="allocation-donut"] .recharts-pie-sector').count(),
    ).toBeGreaterThan(2);
    expect(await page.getByTestId('allocation-slice').first().textContent()).toMatch(/\d+\.\d{2}%/);

    // Holdings: Korean and US stocks, each linking to its stock page.
    const symbols = await rowSymbols(page);
    expect(symbols).toEqual(expect.arrayContaining(['005930.KS', 'AAPL']));
    const samsung = page.getByTestId('holding-row-005930.KS');
    expect(await samsung.textContent()).toContain('Samsung Electronics');
    expect(await samsung.getByRole('link').getAttribute('href')).toBe('/stocks/005930.KS');
    expect(await page.getByTestId('holding-price-005930.KS').textContent()).toMatch(/^₩[\d,]+$/);

    // Live: the demo market prints twice a second per symbol; some holding's price moves.
    const pricesBefore = await holdingPrices(page);
    await eventually(
      async () => {
        const now = await holdingPrices(page);
        return now.some((price, index) => price !== pricesBefore[index]);
      },
      'no holding price changed within 10 seconds',
      10_000,
    );
    expect(
      await page.locator('[data-testid^="holding-price-"][data-live="true"]').count(),
    ).toBeGreaterThan(0);

    // Sorting: by quantity, largest first, then smallest first; the header says so.
    const table = page.getByTestId('holdings-table');
    const quantityHeader = table.getByRole('columnheader', { name: /Quantity/ });
    await quantityHeader.getByRole('button').click();
    expect(await quantityHeader.getAttribute('aria-sort')).toBe('descending');
    const descending = await columnNumbers(page, 'Quantity');
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(await rowSymbols(page)).not.toEqual(symbols);
    await quantityHeader.getByRole('button').click();
    expect(await quantityHeader.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await columnNumbers(page, 'Quantity');
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

    // Range switch: the charts move to the past month.
    const chart = page.getByTestId('value-chart');
    const startBefore = await chart.getAttribute('data-range-start');
    const period = page.getByRole('group', { name: 'Period' });
    await period.getByRole('button', { name: '1M' }).click();
    expect(await period.getByRole('button', { name: '1M' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await eventually(
      async () => {
        const start = await chart.getAttribute('data-range-start');
        return start !== null && start !== startBefore;
      },
      'the value chart did not switch to one month',
      30_000,
    );
    const points = Number(await chart.getAttribute('data-points'));
    expect(points).toBeGreaterThan(20);
    expect(points).toBeLessThan(40);
    await page.getByTestId('benchmark-chart').waitFor();
    expect(await page.getByTestId('benchmark-excess').textContent()).toMatch(/%/);

    await screenshot(page, 'dashboard-desktop-light-en');
    await context.close();
  }, 180_000);

  it('opens an account with its own holdings; another id is not found', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page, '/dashboard');
    const account = page.getByTestId('account-link').filter({ hasText: 'US stocks (USD)' });
    await account.waitFor({ timeout: FIRST_LOAD_MS });
    await account.click();
    await page.waitForURL('**/portfolios/**');
    await page.getByRole('heading', { level: 1, name: 'US stocks (USD)' }).waitFor();
    await waitForPortfolio(page);
    const symbols = await rowSymbols(page);
    expect(symbols).toContain('AAPL');
    expect(symbols).not.toContain('005930.KS');
    // One account: no account column, and the allocation has no by-account view.
    expect(await page.getByRole('columnheader', { name: /Account/ }).count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Group by' }).getByRole('button').count()).toBe(3);
    await screenshot(page, 'portfolio-account-desktop-light-en');

    await gotoReady(page, '/portfolios/not-an-account-of-yours');
    await page.getByTestId('account-not-found').waitFor();
    await page.getByRole('heading', { name: 'Account not found' }).waitFor();
    await context.close();
  }, 180_000);

  it('reads in Korean on a phone in dark mode without sideways scrolling', async () => {
    const context = await newContext(browser(), {
      locale: 'ko-KR',
      viewport: { width: 375, height: 812 },
      colorScheme: 'dark',
    });
    const page = await context.newPage();
    await signInAsDemo(page, '/dashboard');
    await page.getByRole('heading', { level: 2, name: '내 포트폴리오' }).waitFor();
    await waitForPortfolio(page);
    expect(await page.getByTestId('holding-row-005930.KS').textContent()).toContain('삼성전자');
    await page.getByRole('group', { name: '기간' }).getByRole('button', { name: '1년' }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'dashboard-mobile-dark-ko');
    await context.close();
  }, 180_000);
});
