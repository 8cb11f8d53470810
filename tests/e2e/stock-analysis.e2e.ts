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

const SAMSUNG = '/stocks/005930.KS';
/** A fresh database collects the demo history in the background at first start. */
const FIRST_CHART_MS = 90_000;
/** The SMA overlay's colour in the light theme (components/analysis/technical/indicator-catalog). */
const SMA_LIGHT = '#d97706';

async function pixelsOf(page: Page, selector: string, hex: string): Promise<number> {
  return page.evaluate(
    ({ selector, hex }) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let count = 0;
      for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`${selector} canvas`)) {
        const context = canvas.getContext('2d');
        if (!context || canvas.width === 0 || canvas.height === 0) continue;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 0; i < data.length; i += 4) {
          if (
            Math.abs(data[i]! - r!) < 8 &&
            Math.abs(data[i + 1]! - g!) < 8 &&
            Math.abs(data[i + 2]! - b!) < 8
          ) {
            count += 1;
          }
        }
      }
      return count;
    },
    { selector, hex },
  );
}

describe.skipIf(e2eSkipReason() !== null)('stock page technical analysis', () => {
  const browser = sharedBrowser();

  it('toggles indicators onto the chart and below it, live, and lists every strategy’s signal', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page, SAMSUNG);
    await page.waitForURL(`**${SAMSUNG}`);
    await page
      .locator('[data-testid="price-chart"] canvas')
      .first()
      .waitFor({ state: 'attached', timeout: FIRST_CHART_MS });

    // Signals: the composite and one row per strategy (24), the first ones shown at once.
    const signals = page.getByTestId('signal-panel');
    await signals.getByTestId('signal-composite').waitFor({ timeout: FIRST_CHART_MS });
    await signals.getByRole('button', { name: /Show all/ }).click();
    expect(await signals.locator('li[data-strategy]').count()).toBeGreaterThanOrEqual(20);
    await signals
      .locator('li[data-strategy="sma-cross"]')
      .getByText(/^(Buy|Sell|Hold)$/)
      .first()
      .waitFor();

    // An overlay: the SMA line is painted on the price chart.
    expect(await pixelsOf(page, '[data-testid="price-chart"]', SMA_LIGHT)).toBe(0);
    const overlays = page.getByRole('group', { name: 'Overlays' });
    await overlays.getByRole('button', { name: 'SMA', exact: true }).click();
    expect(
      await overlays.getByRole('button', { name: 'SMA', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
    await eventually(
      async () => (await pixelsOf(page, '[data-testid="price-chart"]', SMA_LIGHT)) > 50,
      'the SMA overlay is drawn on the price chart',
    );

    // A panel: RSI opens a sub-panel with its own chart and a latest value.
    const panels = page.getByRole('group', { name: 'Panels' });
    expect(await page.getByTestId('indicator-panel-rsi').count()).toBe(0);
    await panels.getByRole('button', { name: 'RSI' }).click();
    const rsi = page.getByTestId('indicator-panel-rsi');
    await rsi.locator('canvas').first().waitFor({ state: 'attached' });
    const latest = async () => (await rsi.locator('figcaption').textContent()) ?? '';
    await eventually(async () => /\d/.test(await latest()), 'RSI shows its latest value');
    // The demo market trades continuously: ticks move the live bar and its RSI.
    const before = await latest();
    await eventually(
      async () => (await latest()) !== before,
      'the RSI value follows live ticks',
      30_000,
    );

    await panels.getByRole('button', { name: 'MACD' }).click();
    await page.getByTestId('indicator-panel-macd').locator('canvas').first().waitFor();
    await overlays.getByRole('button', { name: 'Bollinger Bands' }).click();
    await panels.getByRole('button', { name: 'RSI' }).click();
    await rsi.waitFor({ state: 'detached' });
    await panels.getByRole('button', { name: 'RSI' }).click();
    await rsi.locator('canvas').first().waitFor({ state: 'attached' });
    await screenshot(page, 'stock-analysis-desktop-light-en');
    await context.close();
  }, 240_000);

  it('reads in Korean on a phone in dark mode', async () => {
    const context = await newContext(browser(), {
      locale: 'ko-KR',
      viewport: { width: 375, height: 812 },
      colorScheme: 'dark',
    });
    const page = await context.newPage();
    await signInAsDemo(page, SAMSUNG);
    await page.waitForURL(`**${SAMSUNG}`);
    await page
      .locator('[data-testid="price-chart"] canvas')
      .first()
      .waitFor({ state: 'attached', timeout: FIRST_CHART_MS });
    await page
      .getByRole('group', { name: '보조지표' })
      .getByRole('button', { name: 'RSI' })
      .click();
    await page.getByTestId('indicator-panel-rsi').locator('canvas').first().waitFor();
    await page.getByTestId('signal-panel').getByTestId('signal-composite').waitFor();
    expect(await page.getByTestId('signal-panel').textContent()).toMatch(/매수|매도|보유/);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'stock-analysis-mobile-dark-ko');
    await context.close();
  }, 240_000);
});
