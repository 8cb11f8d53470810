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

/** A fresh server collects the demo history first; the page fills in by itself. */
async function waitForMarkets(page: Page): Promise<void> {
  await page.getByTestId('index-card').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('stock-row').first().waitFor();
}

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe.skipIf(e2eSkipReason() !== null)('markets page', () => {
  const browser = sharedBrowser();

  it('shows index cards and major stocks whose prices move live; a row opens the stock', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Markets' })
      .click();
    await page.waitForURL('**/markets');
    await page.getByRole('heading', { level: 1, name: 'Markets' }).waitFor();
    await waitForMarkets(page);

    const indexSymbols = await page
      .getByTestId('index-card')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-symbol')));
    expect(indexSymbols).toEqual(expect.arrayContaining(['^KS11', '^GSPC']));
    const kospi = page.locator('[data-testid="index-card"][data-symbol="^KS11"]');
    expect(await kospi.textContent()).toContain('KOSPI');
    expect(await kospi.textContent()).toMatch(/As of (\w+ \d+, )?\d{2}:\d{2}:\d{2} \(Seoul time\)/);

    // Korean major stocks first, with won prices without decimals.
    const samsung = page.locator('[data-testid="stock-row"][data-symbol="005930.KS"]');
    await samsung.waitFor();
    expect(await samsung.textContent()).toContain('Samsung Electronics');
    const price = samsung.getByTestId('market-price');
    expect(await price.textContent()).toMatch(/^₩[\d,]+$/);

    // Live: the KOSPI level changes without a reload (the demo ticks about every second).
    const kospiLevel = kospi.getByTestId('market-price');
    const levelBefore = await kospiLevel.textContent();
    await eventually(
      async () => (await kospiLevel.textContent()) !== levelBefore,
      `the KOSPI level moves from ${levelBefore}`,
      10_000,
    );

    // US tab: dollars with cents.
    await page.getByRole('tab', { name: /United States/ }).click();
    const apple = page.locator('[data-testid="stock-row"][data-symbol="AAPL"]');
    await apple.waitFor();
    expect(await apple.getByTestId('market-price').textContent()).toMatch(/^\$[\d,]+\.\d{2}$/);
    expect(await page.getByText(/\(New York time\)/).count()).toBeGreaterThan(0);
    // The table's prices are live too (US prices move by cents, so within seconds).
    const usPrices = () =>
      page.getByTestId('stock-row').getByTestId('market-price').allTextContents();
    const pricesBefore = (await usPrices()).join('|');
    await eventually(
      async () => (await usPrices()).join('|') !== pricesBefore,
      'a US major stock price moves',
      10_000,
    );

    expect(
      (await page.getByRole('heading', { name: 'Top gainers' }).count()) +
        (await page.getByRole('heading', { name: 'Top losers' }).count()),
    ).toBe(2);
    await screenshot(page, 'markets-desktop-light-en');
    // Five nav links, the search field and the extras share one header row without overflowing.
    expect(await horizontalOverflow(page)).toBe(0);

    await apple.getByRole('link').click();
    await page.waitForURL('**/stocks/AAPL');
    await context.close();
  });

  it('renders in Korean, in dark mode, on a tablet and a phone without sideways scrolling', async () => {
    const variants = [
      {
        name: 'markets-desktop-dark-ko',
        locale: 'ko' as const,
        colorScheme: 'dark' as const,
        viewport: { width: 1280, height: 800 },
      },
      {
        name: 'markets-mobile-light-ko',
        locale: 'ko' as const,
        colorScheme: 'light' as const,
        viewport: { width: 375, height: 812 },
      },
      {
        name: 'markets-tablet-light-en',
        locale: 'en' as const,
        colorScheme: 'light' as const,
        viewport: { width: 768, height: 1024 },
      },
      {
        name: 'markets-laptop-light-en',
        locale: 'en' as const,
        colorScheme: 'light' as const,
        viewport: { width: 1024, height: 768 },
      },
      {
        name: 'markets-mobile-dark-en',
        locale: 'en' as const,
        colorScheme: 'dark' as const,
        viewport: { width: 375, height: 812 },
      },
    ];
    for (const variant of variants) {
      const context = await newContext(browser(), {
        locale: variant.locale === 'ko' ? 'ko-KR' : 'en-US',
        colorScheme: variant.colorScheme,
        viewport: variant.viewport,
      });
      const page = await context.newPage();
      await signInAsDemo(page);
      await context.addCookies([{ name: 'NEXT_LOCALE', value: variant.locale, url: page.url() }]);
      await gotoReady(page, '/markets');
      await waitForMarkets(page);
      const heading = variant.locale === 'ko' ? '시장' : 'Markets';
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      if (variant.locale === 'ko') {
        const samsung = page.locator('[data-testid="stock-row"][data-symbol="005930.KS"]');
        expect(await samsung.textContent()).toContain('삼성전자');
        expect(await page.getByText(/기준 \(서울 시간\)/).count()).toBeGreaterThan(0);
      }
      await screenshot(page, variant.name);
      if (variant.viewport) expect(await horizontalOverflow(page)).toBe(0);
      await context.close();
    }
  });
});
