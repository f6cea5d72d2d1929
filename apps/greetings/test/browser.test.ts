/**
 * The site in a real browser: Debian's Chromium driven by playwright-core (never a downloaded
 * browser). Opens the article list, follows a link to an article, searches from the base layout's
 * form, and visits a missing page; logs in as the demo user and out again; screenshots land in
 * test-results/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './start-server.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = fileURLToPath(new URL('../test-results', import.meta.url));

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}. Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  mkdirSync(screenshots, { recursive: true });
  server = await startServer();
  browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the greetings site in Chromium', () => {
  it('walks from the article list to an article, searches, and meets the custom 404', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`);
    expect(await page.locator('h1').textContent()).toBe('Articles');
    expect(
      await page.locator('header img').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBe(64);
    await page.screenshot({ path: join(screenshots, '1-article-list.png') });

    await page.getByRole('link', { name: 'Routing with path()' }).click();
    await page.waitForURL(`${server.origin}/article/2`);
    expect(await page.locator('h1').textContent()).toBe('Routing with path()');
    await page.screenshot({ path: join(screenshots, '2-article.png') });

    await page.getByRole('searchbox', { name: 'Search' }).fill('django & <friends>');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/greetings\/search\/\?q=/);
    expect(await page.locator('strong').textContent()).toBe('django & <friends>');
    await page.screenshot({ path: join(screenshots, '3-search.png') });

    const response = await page.goto(`${server.origin}/no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await page.screenshot({ path: join(screenshots, '4-not-found.png') });
    await page.close();
  });

  it('logs in as the demo user, sees the name and the members page, and logs out', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/members/`);
    await page.waitForURL(`${server.origin}/accounts/login/?next=/members/`);
    await page.getByLabel('Username:').fill('demo');
    await page.getByLabel('Password:').fill('wrong password');
    await page.getByRole('button', { name: 'Log in' }).click();
    expect(await page.getByRole('alert').textContent()).toContain(
      'Please enter a correct username and password.',
    );
    await page.getByLabel('Password:').fill('greetings-demo');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${server.origin}/members/`);
    expect(await page.locator('h1').textContent()).toBe('Members');
    expect(await page.locator('header .user-name').textContent()).toBe('Demo');
    expect(await page.locator('.messages .success').textContent()).toBe('Welcome back, Demo.');
    await page.screenshot({ path: join(screenshots, '5-members.png') });
    await page.reload();
    expect(await page.locator('.messages').count()).toBe(0);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${server.origin}/`);
    expect(await page.locator('header .account a').textContent()).toBe('Log in');
    await page.goto(`${server.origin}/members/`);
    await page.waitForURL(`${server.origin}/accounts/login/?next=/members/`);
    await page.screenshot({ path: join(screenshots, '6-logged-out.png') });
    await page.close();
  });
});
