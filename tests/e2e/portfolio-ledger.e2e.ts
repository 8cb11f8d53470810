import { readFile } from 'node:fs/promises';
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

const KRW_ACCOUNT = '국내주식 (KRW)';
const USD_ACCOUNT = 'US stocks (USD)';

function accountItem(page: Page, name: string) {
  return page.getByTestId('account-item').filter({
    has: page.getByRole('heading', { name, exact: true }),
  });
}

/** A CSV with two good rows and one whose quantity is not a number. */
const IMPORT_CSV = [
  'date,type,symbol,quantity,price,amount,currency,note',
  '2024-01-02,deposit,,,,10000,USD,funding',
  '2024-01-03,buy,AAPL,5,185.64,,,first buy',
  '2024-01-04,buy,AAPL,abc,185,,,typo',
].join('\n');

async function chooseCsv(page: Page, csv: string) {
  await page
    .getByRole('dialog', { name: 'Import transactions' })
    .locator('input[type="file"]')
    .setInputFiles({ name: 'trades.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
}

describe.skipIf(e2eSkipReason() !== null)('portfolio ledger', () => {
  const browser = sharedBrowser();

  it('lists the demo accounts on /portfolios, on a desktop and a phone', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page, '/portfolios');
    await page.waitForURL('**/portfolios');
    await page.getByRole('heading', { level: 1, name: 'Portfolios' }).waitFor();
    for (const name of [KRW_ACCOUNT, USD_ACCOUNT]) {
      const item = accountItem(page, name);
      await item.waitFor();
      expect(await item.textContent()).toMatch(/\d+ transactions/);
    }
    const krw = accountItem(page, KRW_ACCOUNT);
    expect(await krw.getByTestId('account-cash-KRW').textContent()).toMatch(/₩[\d,]+/);
    await screenshot(page, 'ledger-portfolios-en');
    await context.close();

    for (const colorScheme of ['light', 'dark'] as const) {
      const phone = await newContext(browser(), {
        locale: 'ko-KR',
        viewport: { width: 375, height: 812 },
        colorScheme,
      });
      const mobile = await phone.newPage();
      await signInAsDemo(mobile, '/portfolios');
      await mobile.getByRole('heading', { level: 1, name: '포트폴리오' }).waitFor();
      await accountItem(mobile, KRW_ACCOUNT).waitFor();
      // Nothing sticks out sideways on a phone.
      expect(
        await mobile.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      await screenshot(mobile, `ledger-portfolios-mobile-${colorScheme}-ko`);
      await phone.close();
    }
  });

  it('adds a holding found by its Korean name, and it shows in the account’s history', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page, '/portfolios');
    await accountItem(page, KRW_ACCOUNT).waitFor();

    await page.getByRole('button', { name: 'Add a stock' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add to portfolio' });
    const search = dialog.getByRole('combobox', { name: 'Stock' });
    await search.click();
    await page.keyboard.insertText('LG화학');
    const option = dialog.locator('[role="option"][data-symbol="051910.KS"]');
    await option.waitFor();
    expect(await dialog.getByRole('option').first().getAttribute('data-symbol')).toBe('051910.KS');
    await screenshot(page, 'ledger-add-search-en');
    // Enter takes the best match, as in the header search.
    await search.press('Enter');

    const price = dialog.getByLabel('Price per share (KRW)');
    await price.waitFor();
    // Prefilled from the quote.
    expect(await price.inputValue()).toMatch(/^\d+$/);
    expect(await dialog.getByTestId('holding-stock-name').textContent()).toBe('LG Chem');
    await dialog.getByLabel('Account').selectOption({ label: `${KRW_ACCOUNT} · KRW` });
    await dialog.getByLabel('Quantity').fill('3');
    await dialog.getByTestId('holding-total').waitFor();
    await screenshot(page, 'ledger-add-details-en');
    await dialog.getByRole('button', { name: 'Add to portfolio' }).click();

    const done = dialog.getByTestId('add-holding-done');
    await done.waitFor();
    expect(await done.textContent()).toContain(`Added 3 × LG Chem to ${KRW_ACCOUNT}`);
    await screenshot(page, 'ledger-add-done-en');

    await done.getByRole('link', { name: `Open ${KRW_ACCOUNT}` }).click();
    await page.waitForURL('**/portfolios/**');
    const history = page.getByTestId('transaction-history');
    const row = history.locator('[data-testid="transaction-row"][data-symbol="051910.KS"]');
    await row.first().waitFor();
    expect(await row.first().getAttribute('data-type')).toBe('buy');
    expect(await row.first().textContent()).toContain('3');
    await screenshot(page, 'ledger-history-en');

    // The holding is in the account's table with a live price.
    const livePrice = page.getByTestId('holding-price-051910.KS');
    await livePrice.waitFor();
    const firstPrice = await livePrice.textContent();
    await eventually(
      async () => (await livePrice.textContent()) !== firstPrice,
      'the LG Chem price in the holdings table did not tick',
      20_000,
    );

    // Filtering by the symbol keeps that row only.
    await history.getByLabel('Filter by symbol').fill('051910');
    await history.getByRole('button', { name: 'Filter', exact: true }).click();
    await eventually(
      async () =>
        (await history.getByTestId('transaction-row').count()) === (await row.count()) &&
        (await row.count()) >= 1,
      'only LG Chem rows after filtering',
    );
    await context.close();
  });

  it('imports a CSV: previews a bad row, commits the good ones, re-imports nothing, exports', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page, '/portfolios');
    await accountItem(page, KRW_ACCOUNT).waitFor();

    // A fresh account keeps the demo portfolio as the other tests expect it.
    const name = `E2E import ${Date.now().toString(36)}`;
    await page.getByRole('button', { name: 'New account' }).first().click();
    const create = page.getByRole('dialog', { name: 'New account' });
    await create.getByLabel('Name').fill(name);
    await create.getByLabel('Base currency').selectOption('USD');
    await create.getByRole('button', { name: 'Create account' }).click();
    const item = accountItem(page, name);
    await item.waitFor();
    expect(await item.textContent()).toContain('No transactions');

    await item.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import transactions' });
    await chooseCsv(page, IMPORT_CSV);
    await dialog.getByTestId('import-count-new').waitFor();
    expect(await dialog.getByTestId('import-count-new').textContent()).toBe('2 to import');
    expect(await dialog.getByTestId('import-count-invalid').textContent()).toBe('1 with errors');
    const bad = dialog.locator('[data-testid="import-row"][data-row="4"]');
    expect(await bad.getAttribute('data-status')).toBe('invalid');
    expect(await bad.textContent()).toContain('“abc” is not a number');
    // The detected mapping is folded away (it has what the import needs) and can be changed.
    const date = dialog.getByLabel('Date (required)');
    expect(await date.isVisible()).toBe(false);
    await dialog.locator('summary').click();
    expect(await date.inputValue()).toBe('date');
    await screenshot(page, 'ledger-import-preview-en');

    await dialog.getByRole('button', { name: 'Import 2 transactions' }).click();
    const result = dialog.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Imported 2 transactions.');
    expect(await result.textContent()).toContain('1 row with errors');
    await dialog.getByRole('button', { name: 'Import another file' }).click();

    // The same file again: every valid row is a duplicate, nothing to import.
    await chooseCsv(page, IMPORT_CSV);
    await dialog.getByTestId('import-count-new').waitFor();
    expect(await dialog.getByTestId('import-count-new').textContent()).toBe('0 to import');
    expect(await dialog.getByTestId('import-count-duplicates').textContent()).toBe('2 duplicates');
    expect(await dialog.getByText('All 2 valid rows are already in this account').count()).toBe(1);
    expect(await dialog.getByRole('button', { name: 'Nothing to import' }).isDisabled()).toBe(true);
    await screenshot(page, 'ledger-import-reimport-en');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await eventually(
      async () => ((await item.textContent()) ?? '').includes('2 transactions'),
      'the account counts the two imported transactions',
    );

    // Export of that account: a CSV with the imported purchase, named with today's date.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('button', { name: 'Export transactions as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^stockvis-transactions-.+-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const content = await readFile((await download.path())!, 'utf8');
    expect(content).toContain('date,type,symbol');
    expect(content).toMatch(/2024-01-03,buy,AAPL,5,185\.64/);

    // All accounts, JSON, from the page header.
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('group', { name: 'Export' })
        .first()
        .getByRole('button', { name: 'Export transactions as JSON' })
        .click(),
    ]);
    const document = JSON.parse(await readFile((await json.path())!, 'utf8')) as {
      accounts: { name: string; transactions: { symbol: string | null }[] }[];
    };
    const names = document.accounts.map((account) => account.name);
    expect(names).toEqual(expect.arrayContaining([KRW_ACCOUNT, USD_ACCOUNT, name]));
    expect(
      document.accounts
        .find((account) => account.name === KRW_ACCOUNT)!
        .transactions.some((tx) => tx.symbol === '005930.KS'),
    ).toBe(true);

    // Deleting explains what goes with the account.
    await item.getByRole('button', { name: `Delete ${name}` }).click();
    const confirm = page.getByRole('dialog', { name: `Delete “${name}”?` });
    expect(await confirm.textContent()).toContain('ledger of 2 transactions are removed');
    await screenshot(page, 'ledger-delete-account-en');
    await confirm.getByRole('button', { name: 'Delete account' }).click();
    await item.waitFor({ state: 'detached' });
    await gotoReady(page, '/portfolios');
    expect(await accountItem(page, name).count()).toBe(0);
    await context.close();
  });
});
