import { describe, expect, it } from 'vitest';
import {
  e2eSkipReason,
  gotoReady,
  sharedBrowser,
  newContext,
  screenshot,
  signUpNewUser,
  waitForHydration,
} from '@/tests/helpers/e2e-browser';

describe.skipIf(e2eSkipReason() !== null)('settings in the browser', () => {
  const browser = sharedBrowser();

  it('saves preferences, changes the password and switches language from the form', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const { email } = await signUpNewUser(page, {
      name: 'Grace Hopper',
      password: 'first-password',
    });

    await gotoReady(page, '/settings');
    const name = page.getByLabel('Display name');
    await name.waitFor();
    expect(await name.inputValue()).toBe('Grace Hopper');
    await name.fill('Grace B. Hopper');
    await page.getByLabel('Display currency').selectOption('USD');
    await page.getByLabel('Time zone').selectOption('America/New_York');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByText('Preferences saved.').waitFor();
    // The header follows the saved profile without a reload.
    await page.getByRole('button', { name: 'Account menu' }).getByText('Grace B. Hopper').waitFor();
    await screenshot(page, 'settings-saved-en');

    await page.reload();
    await waitForHydration(page);
    await page.getByLabel('Display name').waitFor();
    expect(await page.getByLabel('Display name').inputValue()).toBe('Grace B. Hopper');
    expect(await page.getByLabel('Display currency').inputValue()).toBe('USD');
    expect(await page.getByLabel('Time zone').inputValue()).toBe('America/New_York');

    // Password: mismatch and a wrong current password are caught, then the change succeeds.
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password', { exact: true }).fill('second-password');
    await page.getByLabel('Confirm new password').fill('second-passw0rd');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText("Passwords don't match.").waitFor();
    await page.getByLabel('Confirm new password').fill('second-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The current password is incorrect.').waitFor();
    await page.getByLabel('Current password').fill('first-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor();

    // The new password works for the next sign-in.
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in**');
    await waitForHydration(page);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('second-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/dashboard');
    await waitForHydration(page);
    await page.getByRole('heading', { level: 1, name: 'Hello, Grace B. Hopper' }).waitFor();

    // Choosing Korean in the form and saving switches the UI, as the header switcher does.
    await gotoReady(page, '/settings');
    await page.locator('select[name="locale"]').waitFor();
    await page.locator('select[name="locale"]').selectOption('ko');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByRole('heading', { level: 1, name: '설정' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    await context.close();
  });
});
