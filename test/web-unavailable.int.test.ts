// The 待办 page when subgraphs are down: a private stack runs catalog and security only (sharing, quality and open-data
// refuse on port 1), so myTasks answers with `unavailable` and the page must say which services' items are missing.
/// <reference lib="dom" />
import { chromium, type Browser } from 'playwright-core';
import { PrivateStack } from './private-stack';

let stack: PrivateStack;
let browser: Browser;

beforeAll(async () => {
  stack = new PrivateStack('webdown', ['catalog', 'security']);
  await stack.start({ gateway: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await stack?.destroy();
});

test('to-do list: services that did not answer are named on the page ("部分服务暂不可用")', async () => {
  const base = stack.url('gateway').replace(/\/graphql$/, '');
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  page.setDefaultTimeout(30_000);
  // The real Keycloak login page, as in test/web.int.test.ts.
  await page.goto(`${base}/console/tasks`);
  await page.getByRole('button', { name: /登\s?录/ }).first().click();
  await page.waitForURL(/\/realms\/gov\/protocol\/openid-connect\/auth/);
  await page.fill('#username', 'city-gaj-approver');
  await page.fill('#password', 'Demo-2026');
  await page.click('#kc-login');
  await page.waitForURL(`${base}/console/tasks`);
  const notice = page.getByTestId('tasks-unavailable');
  await notice.waitFor();
  const text = await notice.innerText();
  expect(text).toContain('部分服务暂不可用：');
  expect(text).toMatch(/sharing/);
  expect(text).toMatch(/quality/);
  await page.context().close();
}, 120_000);
