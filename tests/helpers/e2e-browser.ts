import { afterAll, beforeAll } from 'vitest';
/**
 * Browser helpers for tests/e2e: one Chromium per test file, a fresh context per flow, animations
 * off, full-page screenshots under test-results/.
 */
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const resultsDir = path.resolve(import.meta.dirname, '../../test-results');

/** Why the browser tests are skipped (no Chromium), or null when they run. */
export function e2eSkipReason(): string | null {
  const config = inject('e2e');
  return 'skipReason' in config ? config.skipReason : null;
}

function e2eTarget(): { baseUrl: string; chromePath: string } {
  const config = inject('e2e');
  if ('skipReason' in config) throw new Error(config.skipReason);
  return config;
}

export function baseUrl(): string {
  return e2eTarget().baseUrl;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: e2eTarget().chromePath, args: CHROMIUM_ARGS });
}

/** One browser for the enclosing describe block: launched before its tests, closed after. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  };
}

const NO_ANIMATIONS = `*, *::before, *::after {
  animation: none !important; transition: none !important; caret-color: transparent !important;
}`;

// Test files run in separate workers: a random network per worker keeps their addresses apart.
const network = `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
let visitors = 0;
/** A distinct private address per browser context. */
function visitorAddress(): string {
  visitors = (visitors % 254) + 1;
  return `${network}.${visitors}`;
}

type ContextOptions = {
  locale?: 'en-US' | 'ko-KR';
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
};

export async function newContext(
  browser: Browser,
  {
    locale = 'en-US',
    viewport = { width: 1280, height: 800 },
    colorScheme = 'light',
  }: ContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale,
    viewport,
    colorScheme,
    reducedMotion: 'reduce',
    timezoneId: 'Asia/Seoul',
    // Each context is its own visitor, as a proxy would report it: otherwise the whole suite is
    // one client address and the per-IP sign-in limit (30 per 15 minutes) trips mid-run.
    extraHTTPHeaders: { 'x-forwarded-for': visitorAddress() },
  });
  context.setDefaultTimeout(20_000);
  await context.addInitScript((css: string) => {
    const apply = () => {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
    };
    if (document.head) apply();
    else document.addEventListener('DOMContentLoaded', apply, { once: true });
  }, NO_ANIMATIONS);
  return context;
}

/** A full-page screenshot at test-results/<name>.png, once fonts have loaded. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({
    path: path.join(resultsDir, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

/** Waits until `predicate` holds, polling; fails with `message` after `timeoutMs`. */
export async function eventually(
  predicate: () => Promise<boolean>,
  message: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out after ${timeoutMs} ms: ${message}`);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** Navigates and waits until React has hydrated the page (see HydrationMarker). */
export async function gotoReady(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForHydration(page);
}

export async function waitForHydration(page: Page): Promise<void> {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Signs in through the demo box on /sign-in and waits for the app shell. */
export async function signInAsDemo(page: Page, callbackPath?: string): Promise<void> {
  const query = callbackPath ? `?callbackUrl=${encodeURIComponent(callbackPath)}` : '';
  await gotoReady(page, `/sign-in${query}`);
  await page.getByTestId('demo-account').getByRole('button').click();
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await waitForHydration(page);
  await page.getByRole('banner').waitFor();
}

/** Creates an account through /sign-up and waits for the dashboard. */
export async function signUpNewUser(
  page: Page,
  { name, password }: { name: string; password: string },
): Promise<{ email: string }> {
  const email = uniqueEmail('user');
  await gotoReady(page, '/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/dashboard');
  await waitForHydration(page);
  return { email };
}
