import { describe, expect, it } from 'vitest';
import {
  e2eSkipReason,
  gotoReady,
  sharedBrowser,
  newContext,
  screenshot,
  signInAsDemo,
  uniqueEmail,
  waitForHydration,
} from '@/tests/helpers/e2e-browser';

describe.skipIf(e2eSkipReason() !== null)('authentication in the browser', () => {
  const browser = sharedBrowser();

  it('signs up a new user who lands on the dashboard, then signs out to the sign-in page', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await gotoReady(page, '/sign-up');
    await screenshot(page, 'sign-up-en');

    // Client-side validation first: a short password is refused with the localized rule.
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(uniqueEmail('signup'));
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await page.getByText('Use at least 8 characters.').isVisible()).toBe(true);

    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/dashboard');
    await waitForHydration(page);
    await page.getByRole('heading', { level: 1, name: 'Hello, Ada Lovelace' }).waitFor();
    // A new account has no watchlists yet: the empty state invites creating one.
    await page.getByText('No watchlists yet.', { exact: false }).waitFor();
    await screenshot(page, 'dashboard-new-user-en');

    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in**');
    await page.getByRole('heading', { name: 'Sign in to Stockvis' }).waitFor();

    // Signed out for real: the app sends us back to sign in, remembering where we were going.
    await page.goto('/dashboard');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/dashboard');
    await context.close();
  });

  it('signs in as the demo user from the demo box and returns to the requested page', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await gotoReady(page, '/settings');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/settings');
    await page.getByTestId('demo-account').waitFor();
    await screenshot(page, 'sign-in-en');

    await page.getByRole('button', { name: 'Use demo account' }).click();
    expect(await page.getByLabel('Email').inputValue()).toBe('demo@stockvis.dev');
    expect(await page.getByLabel('Password').inputValue()).toBe('demo1234');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await page.waitForURL('**/settings');
    await waitForHydration(page);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.waitFor();
    // Settings live in the account menu; no main-navigation entry is current here.
    expect(await nav.locator('[aria-current="page"]').count()).toBe(0);
    expect(
      await nav.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current'),
    ).toBeNull();
    await page.getByLabel('Display name').waitFor();
    await screenshot(page, 'settings-en');
    await context.close();
  });

  it('shows the wrong-password error in English and in Korean', async () => {
    const english = await newContext(browser());
    const page = await english.newPage();
    await gotoReady(page, '/sign-in');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    expect(await page.getByText('This field is required.').count()).toBe(2);

    await page.getByLabel('Email').fill('demo@stockvis.dev');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = page.locator('form [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Incorrect email or password.');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await english.close();

    // A Korean browser gets the Korean UI without any cookie.
    const korean = await newContext(browser(), { locale: 'ko-KR' });
    const koPage = await korean.newPage();
    await gotoReady(koPage, '/sign-in');
    expect(await koPage.locator('html').getAttribute('lang')).toBe('ko');
    await koPage.getByRole('heading', { name: 'Stockvis 로그인' }).waitFor();
    await screenshot(koPage, 'sign-in-ko');
    await koPage.getByLabel('이메일').fill('demo@stockvis.dev');
    await koPage.getByLabel('비밀번호').fill('not-the-password');
    await koPage.getByRole('button', { name: '로그인', exact: true }).click();
    const koAlert = koPage.locator('form [role="alert"]');
    await koAlert.waitFor();
    expect(await koAlert.textContent()).toBe('이메일 또는 비밀번호가 올바르지 않습니다.');
    await korean.close();
  });

  it('redirects a signed-in visitor away from the sign-in page', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInAsDemo(page);
    await page.goto('/sign-in');
    await page.waitForURL('**/dashboard');
    await context.close();
  });
});
