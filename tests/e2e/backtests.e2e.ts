import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  e2eSkipReason,
  gotoReady,
  newContext,
  screenshot,
  sharedBrowser,
  signUpNewUser,
} from '@/tests/helpers/e2e-browser';

/** A fresh database collects the demo history in the background at first start. */
const RESULT_MS = 90_000;

async function chooseSymbol(page: Page, query: string, symbol: string): Promise<void> {
  const input = page.getByRole('combobox', { name: 'Symbol' });
  await input.fill(query);
  await page.getByRole('option', { name: new RegExp(symbol.replace('.', '\\.')) }).click();
}

async function openAs(context: BrowserContext, cookiesFrom: BrowserContext): Promise<Page> {
  await context.addCookies(await cookiesFrom.cookies());
  const page = await context.newPage();
  await gotoReady(page, '/backtests');
  return page;
}

describe.skipIf(e2eSkipReason() !== null)('backtests page', () => {
  const browser = sharedBrowser();

  it('runs sma-cross on Samsung Electronics: progress, then metrics and charts, saved in the list', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signUpNewUser(page, { name: 'Quant', password: 'correct horse battery' });
    await page.getByRole('navigation').getByRole('link', { name: 'Backtests' }).first().click();
    await page.waitForURL('**/backtests');
    await page.getByRole('heading', { level: 1, name: 'Backtests' }).waitFor();
    await expect(page.getByTestId('saved-runs').count()).resolves.toBe(0);

    await chooseSymbol(page, '005930', '005930.KS');
    // KRX sells pay the transaction tax: on by default for a won-denominated stock.
    expect(
      await page.getByRole('checkbox', { name: /securities transaction tax/ }).isChecked(),
    ).toBe(true);
    await page.getByLabel('Strategy', { exact: true }).selectOption('sma-cross');
    await page.getByLabel('Fast period').fill('10');
    await page.getByLabel('Slow period').fill('30');

    // The progress bar may show only briefly once the history is collected: record whether it
    // was ever in the DOM (a mutation observer sees every commit) instead of racing it.
    await page.evaluate(() => {
      const seen = window as unknown as { sawProgress?: boolean };
      seen.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[role="progressbar"]')) seen.sawProgress = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    await page.getByRole('button', { name: 'Run backtest' }).click();

    const result = page.getByTestId('backtest-result');
    await result.waitFor({ timeout: RESULT_MS });
    expect(
      await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress),
    ).toBe(true);
    await expect(result.getByRole('heading', { level: 2 }).textContent()).resolves.toContain(
      '005930.KS',
    );
    const totalReturn = await page.locator('[data-metric="totalReturn"]').textContent();
    expect(totalReturn).toMatch(/%$/);
    expect(await page.locator('[data-metric="sharpe"]').textContent()).toMatch(/\d/);
    expect(Number(await page.locator('[data-metric="trades"]').textContent())).toBeGreaterThan(0);
    // Equity and buy-and-hold lines, a drawdown area, the trade markers on the price chart.
    await page.locator('[data-testid="equity-chart"] .recharts-line path').nth(1).waitFor();
    await page.locator('[data-testid="drawdown-chart"] .recharts-area path').first().waitFor();
    await page.locator('[data-testid="trades-price-chart"] canvas').first().waitFor();
    expect(
      Number(await page.getByTestId('trades-price-chart').getAttribute('data-marks')),
    ).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="trade-list"] tbody tr').count()).toBeGreaterThan(0);

    const saved = page.getByTestId('saved-runs').locator('li');
    await expect(saved.count()).resolves.toBe(1);
    await saved.first().getByText('Done').waitFor();
    expect(await saved.first().textContent()).toContain('005930.KS');
    await screenshot(page, 'backtests-desktop-light-en');

    // A second run, then both ticked: the comparison overlays them.
    await page.getByLabel('Slow period').fill('60');
    await page.getByRole('button', { name: 'Run backtest' }).click();
    await page.getByTestId('saved-runs').locator('li').nth(1).waitFor();
    await page.getByTestId('saved-runs').getByText('Done').nth(1).waitFor({ timeout: RESULT_MS });
    for (const box of await page.getByRole('checkbox', { name: /^Compare/ }).all()) {
      await box.check();
    }
    const comparison = page.getByTestId('run-comparison');
    await comparison.locator('.recharts-line path').nth(1).waitFor();
    expect(await comparison.locator('tbody tr').count()).toBeGreaterThan(10);
    await screenshot(page, 'backtests-compare-desktop-light-en');

    const mobile = await newContext(browser(), {
      locale: 'ko-KR',
      viewport: { width: 375, height: 812 },
      colorScheme: 'dark',
    });
    const mobilePage = await openAs(mobile, context);
    await mobilePage
      .getByTestId('saved-runs')
      .locator('li')
      .first()
      .getByRole('button')
      .first()
      .click();
    await mobilePage.getByTestId('backtest-result').waitFor({ timeout: RESULT_MS });
    await mobilePage.locator('[data-testid="equity-chart"] .recharts-line path').nth(1).waitFor();
    const overflow = await mobilePage.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(mobilePage, 'backtests-mobile-dark-ko');
    await mobile.close();
    await context.close();
  }, 240_000);
});
