import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  e2eSkipReason,
  eventually,
  newContext,
  screenshot,
  sharedBrowser,
  signInAsDemo,
} from '@/tests/helpers/e2e-browser';

/**
 * Types like a Korean IME: each step is the text being composed (shown underlined in the input,
 * not yet committed), and a string step commits it. Uses Chromium's IME emulation over CDP.
 */
async function typeWithIme(cdp: CDPSession, steps: (string | { commit: string })[]) {
  for (const step of steps) {
    if (typeof step === 'string') {
      await cdp.send('Input.imeSetComposition', {
        text: step,
        selectionStart: step.length,
        selectionEnd: step.length,
      });
    } else {
      await cdp.send('Input.insertText', { text: step.commit });
    }
  }
}

function searchBox(page: Page) {
  return page.getByRole('banner').getByRole('combobox', { name: /Search stocks|종목 검색/ });
}

/** The listbox the combobox controls, and its options. */
async function listbox(page: Page, input = searchBox(page)) {
  const id = await input.getAttribute('aria-controls');
  return page.locator(`[id="${id}"]`);
}

async function firstOptionSymbol(page: Page, input = searchBox(page)): Promise<string | null> {
  const list = await listbox(page, input);
  const first = list.getByRole('option').first();
  return (await first.count()) > 0 ? first.getAttribute('data-symbol') : null;
}

async function koreanContext(context: BrowserContext, url: string) {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ko', url }]);
}

describe.skipIf(e2eSkipReason() !== null)('stock search', () => {
  const browser = sharedBrowser();

  it('finds Samsung Electronics for "삼성" typed with a Korean IME; Enter opens its page', async () => {
    const context = await newContext(browser(), { locale: 'ko-KR' });
    const page = await context.newPage();
    await signInAsDemo(page);
    await koreanContext(context, page.url());
    await page.reload();
    const input = searchBox(page);
    await input.click();
    const cdp = await context.newCDPSession(page);
    await typeWithIme(cdp, [
      'ㅅ',
      '사',
      '삼',
      { commit: '삼' },
      'ㅅ',
      '서',
      '성',
      { commit: '성' },
    ]);
    expect(await input.inputValue()).toBe('삼성');

    await eventually(
      async () => (await firstOptionSymbol(page)) === '005930.KS',
      'Samsung Electronics is the first option for 삼성',
    );
    const first = (await listbox(page)).getByRole('option').first();
    const text = await first.textContent();
    expect(text).toContain('삼성전자');
    expect(text).toContain('Samsung Electronics');
    expect(text).toContain('KOSPI');
    // The first option is the active one (automatic selection), and the match is highlighted.
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await first.locator('mark').first().textContent()).toBe('삼성');
    await screenshot(page, 'search-desktop-ko');

    await input.press('Enter');
    await page.waitForURL('**/stocks/005930.KS');
    await context.close();
  });

  it('finds Samsung Electronics by its initial consonants "ㅅㅅㅈㅈ", also mid-composition', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page);
    const input = searchBox(page);

    // Pasted or typed at once.
    await input.click();
    await page.keyboard.insertText('ㅅㅅㅈㅈ');
    await eventually(
      async () => (await firstOptionSymbol(page)) === '005930.KS',
      'Samsung Electronics for ㅅㅅㅈㅈ',
    );
    const first = (await listbox(page)).getByRole('option').first();
    expect(await first.textContent()).toContain('Samsung Electronics');
    expect(await first.locator('mark').first().textContent()).toBe('삼성전자');

    // Typed through the IME, the last consonant still being composed: results already follow it.
    await input.press('Escape'); // closes the list
    await input.press('Escape'); // clears the text
    expect(await input.inputValue()).toBe('');
    const cdp = await context.newCDPSession(page);
    await typeWithIme(cdp, [
      'ㅅ',
      { commit: 'ㅅ' },
      'ㅅ',
      { commit: 'ㅅ' },
      'ㅈ',
      { commit: 'ㅈ' },
      'ㅈ',
    ]);
    expect(await input.inputValue()).toBe('ㅅㅅㅈㅈ');
    await eventually(
      async () => (await firstOptionSymbol(page)) === '005930.KS',
      'Samsung Electronics while ㅈ is still composing',
    );
    await context.close();
  });

  it('works by keyboard: "/" focuses, arrows move, Escape closes, and says when nothing matches', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page);
    const input = searchBox(page);

    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await input.inputValue()).toBe('');

    await page.keyboard.type('samsung');
    const options = (await listbox(page)).getByRole('option');
    await eventually(
      async () => (await firstOptionSymbol(page)) === '005930.KS' && (await options.count()) > 2,
      'Samsung companies for "samsung"',
    );
    const ids = await options.evaluateAll((nodes) => nodes.map((node) => node.id));
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(ids[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe(ids.at(-1));
    await page.keyboard.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();

    await input.fill('zzqxzzqx');
    const list = await listbox(page);
    await page.getByText('No stocks match “zzqxzzqx”.').waitFor();
    expect(await list.getByRole('option').count()).toBe(0);
    await screenshot(page, 'search-no-matches-en');

    // A click on an option opens that stock.
    await input.fill('NAVER');
    await eventually(async () => (await firstOptionSymbol(page)) === '035420.KS', 'NAVER');
    await list.getByRole('option').first().click();
    await page.waitForURL('**/stocks/035420.KS');
    await context.close();
  });

  it('opens a full-width search from a button on a phone', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await newContext(browser(), {
        viewport: { width: 375, height: 812 },
        colorScheme,
      });
      const page = await context.newPage();
      await signInAsDemo(page);
      expect(await searchBox(page).count()).toBe(0);
      await page.getByRole('banner').getByRole('button', { name: 'Search stocks' }).click();
      const dialog = page.getByRole('dialog', { name: 'Search stocks' });
      const input = dialog.getByRole('combobox', { name: 'Search stocks' });
      expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.type('005930');
      await eventually(
        async () => (await firstOptionSymbol(page, input)) !== null,
        'results in the overlay',
      );
      const list = await listbox(page, input);
      expect(await list.getByRole('option').first().getAttribute('data-symbol')).toBe('005930.KS');
      await screenshot(page, `search-mobile-${colorScheme}-en`);
      await list.getByRole('option').first().click();
      await page.waitForURL('**/stocks/005930.KS');
      expect(await dialog.count()).toBe(0);
      await context.close();
    }
  });
});
