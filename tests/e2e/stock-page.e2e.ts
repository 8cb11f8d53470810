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

const SAMSUNG = '/stocks/005930.KS';
/** A fresh database collects the demo history in the background at first start. */
const FIRST_CHART_MS = 90_000;

async function waitForChart(page: Page): Promise<void> {
  await page
    .locator('[data-testid="price-chart"] canvas')
    .first()
    .waitFor({ state: 'attached', timeout: FIRST_CHART_MS });
}

/** Pixels on the chart's canvases painted in the up or down candle colour (given as hex). */
async function candlePixels(page: Page, colors: string[]): Promise<number> {
  return page.evaluate((hexes) => {
    const targets = hexes.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
    let count = 0;
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>(
      '[data-testid="price-chart"] canvas',
    )) {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) continue;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! < 250) continue;
        const hit = targets.some(
          ([r, g, b]) =>
            Math.abs(data[i]! - r!) < 6 &&
            Math.abs(data[i + 1]! - g!) < 6 &&
            Math.abs(data[i + 2]! - b!) < 6,
        );
        if (hit) count += 1;
      }
    }
    return count;
  }, colors);
}

describe.skipIf(e2eSkipReason() !== null)('stock page', () => {
  const browser = sharedBrowser();

  it('shows Samsung Electronics with candles, a live price and statements tabs', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page, SAMSUNG);
    await page.waitForURL(`**${SAMSUNG}`);
    await page.getByRole('heading', { level: 1, name: 'Samsung Electronics' }).waitFor();

    await waitForChart(page);
    const chart = page.getByTestId('price-chart');
    expect(Number(await chart.getAttribute('data-bar-count'))).toBeGreaterThan(20);
    expect(await chart.getAttribute('aria-label')).toContain('Samsung Electronics');
    // English convention: green up (#137a3a), red down (#c8242b) candles are drawn.
    await eventually(
      async () => (await candlePixels(page, ['#137a3a', '#c8242b'])) > 200,
      'no candle-coloured pixels on the chart canvas',
    );

    // The demo market trades continuously, with prints bouncing between bid and ask as real ones
    // do: the last price changes within seconds.
    const lastPrice = page.getByTestId('last-price');
    await page.locator('[data-testid="live-status"][data-status="open"]').waitFor();
    const priceBefore = await lastPrice.getAttribute('data-price');
    expect(priceBefore).not.toBeNull();
    await eventually(
      async () => (await lastPrice.getAttribute('data-price')) !== priceBefore,
      'the last price did not change within 5 seconds',
      5_000,
    );
    expect(await lastPrice.textContent()).toMatch(/^₩[\d,]+$/);

    // Interval switch: weekly bars, pressed state follows.
    await page
      .getByRole('group', { name: 'Bar interval' })
      .getByRole('button', { name: 'Weekly' })
      .click();
    await eventually(
      async () => (await chart.getAttribute('data-interval')) === 'weekly',
      'the chart did not switch to weekly bars',
      30_000,
    );
    expect(await page.getByRole('button', { name: 'Weekly' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    // Statements: income by default, then the other tabs (click and keyboard), with rows.
    const statements = page.getByRole('region', { name: 'Financial statements' });
    const table = statements.getByTestId('statement-table');
    await table
      .getByRole('rowheader', { name: 'Revenue', exact: true })
      .waitFor({ timeout: 30_000 });
    await statements.getByTestId('illustrative-notice').waitFor();
    await statements.getByRole('tab', { name: 'Balance sheet' }).click();
    await table.getByRole('rowheader', { name: 'Total assets', exact: true }).waitFor();
    expect(
      await statements.getByRole('tab', { name: 'Balance sheet' }).getAttribute('aria-selected'),
    ).toBe('true');
    await page.keyboard.press('ArrowRight');
    await table.getByRole('rowheader', { name: 'Operating cash flow', exact: true }).waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(3);
    await statements.getByRole('button', { name: 'Quarterly' }).click();
    await eventually(
      async () => (await table.locator('thead th').count()) > 6,
      'quarterly statements did not show more periods',
    );

    await screenshot(page, 'stock-page-desktop-light-en');
    await context.close();
  }, 180_000);

  it('shows the page in Korean on a phone in dark mode, red rising and blue falling', async () => {
    const context = await newContext(browser(), {
      locale: 'ko-KR',
      viewport: { width: 375, height: 812 },
      colorScheme: 'dark',
    });
    const page = await context.newPage();
    await signInAsDemo(page, SAMSUNG);
    await page.getByRole('heading', { level: 1, name: '삼성전자' }).waitFor();
    await waitForChart(page);
    // Korean convention in dark mode: #ff6b6b up, #6ea8ff down.
    await eventually(
      async () => (await candlePixels(page, ['#ff6b6b', '#6ea8ff'])) > 100,
      'no Korean-convention candle colours on the chart canvas',
    );
    await page.getByRole('tab', { name: '재무상태표' }).click();
    await page.getByRole('rowheader', { name: '자산총계', exact: true }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'stock-page-mobile-dark-ko');
    await context.close();
  });

  it('says clearly when a symbol does not exist', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page);
    await gotoReady(page, '/stocks/ZZZZQ');
    await page.getByTestId('stock-not-found').waitFor();
    await page.getByRole('heading', { name: 'Stock not found' }).waitFor();
    expect(await page.getByRole('link', { name: 'Browse markets' }).getAttribute('href')).toBe(
      '/markets',
    );
    await screenshot(page, 'stock-page-not-found-en');
    await context.close();
  });
});
