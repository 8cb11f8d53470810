import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '@/server/alerts/channels/webhook';
import {
  e2eSkipReason,
  eventually,
  gotoReady,
  newContext,
  screenshot,
  sharedBrowser,
  signInAsDemo,
} from '@/tests/helpers/e2e-browser';
import {
  startFixtureHttpServer,
  type FixtureHttpServer,
} from '@/tests/helpers/fixture-http-server';

/** Text wider than the viewport at 375 px (0 when nothing scrolls sideways). */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe.skipIf(e2eSkipReason() !== null)('alerts page', () => {
  const browser = sharedBrowser();
  let receiver: FixtureHttpServer;

  beforeAll(async () => {
    // The webhook receiver: answers 200 and records what it got.
    receiver = await startFixtureHttpServer(() => ({ status: 200, body: 'ok' }));
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it('manages rules and a webhook channel: create, switch off, test, delete', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page, '/alerts');
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();

    // The built-in rules, on by default, each with its name, description and switch.
    const rows = page.getByTestId('rule-row');
    const builtin = rows.filter({ hasText: 'A holding moves 3% or more in a day' });
    await builtin.waitFor();
    expect(await rows.filter({ hasText: 'Built-in' }).count()).toBe(5);
    expect(await builtin.getByRole('switch').getAttribute('aria-checked')).toBe('true');
    await rows.filter({ hasText: 'return falls to −10%' }).waitFor();

    // A price rule on Samsung Electronics, found by its Korean name; the price starts at the quote.
    await page.getByTestId('new-rule').click();
    const dialog = page.getByRole('dialog', { name: 'New alert rule' });
    await dialog.getByLabel('Condition').selectOption('price-above');
    await dialog.getByRole('combobox', { name: 'Symbol' }).fill('삼성전자');
    await dialog.getByRole('option', { name: /005930\.KS/ }).click();
    const price = dialog.getByLabel(/^Price/);
    await eventually(async () => /^\d/.test(await price.inputValue()), 'price prefilled');
    expect(await dialog.getByText(/^Now ₩[\d,]+$/).count()).toBe(1);
    await price.fill('1,000,000');
    await dialog.getByLabel('Severity').selectOption('warning');
    await dialog
      .getByRole('group', { name: 'Cooldown presets' })
      .getByRole('button', { name: '4 hours' })
      .click();
    expect(await dialog.getByLabel('Cooldown (minutes)').inputValue()).toBe('240');
    await dialog.getByRole('button', { name: 'Create rule' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const rule = rows.filter({ has: page.getByRole('link', { name: '005930.KS' }) });
    await rule.waitFor();
    // The description is the server's, in the account's language; the threshold reads the same.
    expect(await rule.textContent()).toMatch(/₩1,000,000/);
    expect(await rule.textContent()).toContain('Cooldown: 4 hours');
    const ruleSwitch = rule.getByRole('switch');
    expect(await ruleSwitch.getAttribute('aria-checked')).toBe('true');

    // Switched off, and still off after a reload.
    await ruleSwitch.click();
    await eventually(
      async () => (await ruleSwitch.getAttribute('aria-checked')) === 'false',
      'rule switched off',
    );
    await page.reload();
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await rule.waitFor();
    expect(await rule.getByRole('switch').getAttribute('aria-checked')).toBe('false');

    // A webhook channel on the local receiver with a generated secret.
    await page.getByTestId('add-channel').click();
    const channelDialog = page.getByRole('dialog', { name: 'Add a channel' });
    await channelDialog.getByLabel('Channel type').selectOption('webhook');
    await channelDialog.getByLabel('Name', { exact: true }).fill('E2E receiver');
    // The server's objection, translated, next to the field it is about.
    const endpoint = channelDialog.getByLabel('Endpoint URL');
    await endpoint.fill('ftp://example.com/hook');
    await channelDialog.getByRole('button', { name: /^Generate/ }).click();
    await channelDialog.getByRole('button', { name: 'Add channel' }).click();
    await channelDialog.getByText('Enter an http:// or https:// URL.').waitFor();
    expect(await endpoint.getAttribute('aria-invalid')).toBe('true');
    const errorId = await endpoint.getAttribute('aria-describedby');
    expect(await channelDialog.locator(`[id="${errorId}"]`).textContent()).toBe(
      'Enter an http:// or https:// URL.',
    );
    await screenshot(page, 'alerts-channel-dialog-desktop-light-en');
    await endpoint.fill(`${receiver.url}/hooks/stockvis`);
    const secret = await channelDialog
      .getByRole('textbox', { name: 'Signing secret' })
      .inputValue();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await channelDialog.getByRole('button', { name: 'Add channel' }).click();
    await channelDialog.waitFor({ state: 'hidden' });

    const channel = page.getByTestId('channel-row').filter({ hasText: 'E2E receiver' });
    await channel.waitFor();
    // Listed by its origin only; the secret is never shown back.
    expect(await channel.textContent()).toContain(`Webhook · ${receiver.url}/…`);
    expect(await page.content()).not.toContain(secret);

    await channel.getByRole('button', { name: 'Send test message to E2E receiver' }).click();
    const outcome = channel.getByTestId('channel-test-result');
    await eventually(
      async () => (await outcome.getAttribute('data-outcome')) !== null,
      'test sent',
    );
    expect(await outcome.textContent()).toBe('Test message sent.');
    expect(await outcome.getAttribute('aria-live')).toBe('polite');
    expect(receiver.requests).toHaveLength(1);
    const request = receiver.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/hooks/stockvis');
    expect(request.headers['content-type']).toBe('application/json');
    expect(
      verifyWebhookSignature(
        secret,
        request.headers['x-stockvis-timestamp'] as string,
        request.body,
        request.headers['x-stockvis-signature'] as string,
      ),
    ).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({ kind: 'test', severity: 'info' });

    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'alerts-desktop-light-en');
    const mobile = await newContext(browser(), { viewport: { width: 375, height: 812 } });
    await mobile.addCookies(await context.cookies());
    const mobilePage = await mobile.newPage();
    await gotoReady(mobilePage, '/alerts');
    await mobilePage.getByTestId('channel-row').first().waitFor();
    expect(await horizontalOverflow(mobilePage)).toBeLessThanOrEqual(0);
    await screenshot(mobilePage, 'alerts-mobile-light-en');
    await mobile.close();

    for (const [viewport, colorScheme, name] of [
      [{ width: 1280, height: 800 }, 'light', 'alerts-desktop-light-ko'],
      [{ width: 375, height: 812 }, 'dark', 'alerts-mobile-dark-ko'],
    ] as const) {
      const korean = await newContext(browser(), { locale: 'ko-KR', viewport, colorScheme });
      await korean.addCookies(await context.cookies());
      const koPage = await korean.newPage();
      await gotoReady(koPage, '/alerts');
      await koPage.getByRole('heading', { level: 1, name: '알림 설정' }).waitFor();
      await koPage.getByTestId('channel-row').first().waitFor();
      expect(await horizontalOverflow(koPage)).toBeLessThanOrEqual(0);
      await screenshot(koPage, name);
      if (viewport.width === 375) {
        await koPage.getByTestId('new-rule').click();
        await koPage.getByRole('dialog', { name: '새 알림 규칙' }).waitFor();
        await screenshot(koPage, 'alerts-rule-dialog-mobile-dark-ko');
      }
      await korean.close();
    }

    // Edited in the same dialog: a new price, the stock and the other values kept.
    await rule.getByRole('button', { name: /^Edit rule:/ }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit alert rule' });
    expect(await editDialog.getByRole('combobox', { name: 'Symbol' }).inputValue()).toContain(
      '005930.KS',
    );
    const editPrice = editDialog.getByLabel(/^Price/);
    expect(await editPrice.inputValue()).toBe('1000000');
    expect(await editDialog.getByLabel('Cooldown (minutes)').inputValue()).toBe('240');
    await editPrice.fill('1200000');
    await editDialog.getByRole('button', { name: 'Save changes' }).click();
    await editDialog.waitFor({ state: 'hidden' });
    await eventually(
      async () => /₩1,200,000/.test((await rule.textContent()) ?? ''),
      'the new price in the description',
    );
    expect(await rule.getByRole('switch').getAttribute('aria-checked')).toBe('false');

    // Delete the channel, then the rule (each after a confirmation).
    await channel.getByRole('button', { name: 'Delete channel: E2E receiver' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this channel?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await channel.waitFor({ state: 'detached' });
    await rule.getByRole('button', { name: /^Delete rule:/ }).click();
    await page
      .getByRole('dialog', { name: 'Delete this rule?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await rule.waitFor({ state: 'detached' });
    // Built-ins offer no delete.
    expect(await builtin.getByRole('button', { name: /^Delete rule:/ }).count()).toBe(0);
    await context.close();
  }, 180_000);
});
