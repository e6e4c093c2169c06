// Public users register themselves (issue 10 §3, 003 §26): Keycloak's own registration form in Debian's Chromium
// (playwright-core), the authorization-code flow with PKCE back to a portal address, then an open-data mutation
// with the new user's token. The realm's default role makes every self-registered person `public`, nothing more.
/// <reference lib="dom" />
import { createHash, randomBytes } from 'node:crypto';
import { commonConfig, graphqlRequest } from '@gov/kit';
import { chromium, type Browser } from 'playwright-core';
import { gatewayUrl, uniqueCode } from './support';

const KC = commonConfig().keycloak;
const REDIRECT = 'http://127.0.0.1:9/portal/callback'; // never reached: the browser's request is answered in the test

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
});
afterAll(async () => { await browser?.close(); });

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as {
  preferred_username: string; realm_access?: { roles: string[] }; department?: string; region?: string;
};

test('issue 10 §3, 003 §26: a citizen registers on the Keycloak form, gets the public role, and creates an API key and a demand with that token', async () => {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(8).toString('hex');
  const auth = `${KC.url}/realms/${KC.realm}/protocol/openid-connect/auth?${new URLSearchParams({
    client_id: 'gov-portal', response_type: 'code', scope: 'openid', redirect_uri: REDIRECT, state, code_challenge: challenge, code_challenge_method: 'S256',
  })}`;
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  let callback: URL | null = null;
  await page.route(`${REDIRECT}**`, (route) => { callback = new URL(route.request().url()); return route.fulfill({ status: 200, body: 'ok' }); });

  await page.goto(auth);
  await page.click('#kc-registration a'); // the login page's "注册" link: registration is enabled on the realm
  await page.waitForURL(/\/login-actions\/registration/);
  const username = `citizen-${uniqueCode('r').toLowerCase()}`.slice(0, 40);
  await page.fill('#username', username);
  await page.fill('#email', `${username}@example.com`);
  await page.fill('#firstName', '小明');
  await page.fill('#lastName', '李');
  await page.fill('#password', 'Citizen-2026!');
  await page.fill('#password-confirm', 'Citizen-2026!');
  // No department or region on the form: authorization depends on them, so only administrators set them.
  expect(await page.locator('#department, #region').count()).toBe(0);
  await page.click('[type=submit]');
  await page.waitForURL(`${REDIRECT}**`);
  await context.close();
  expect(callback).not.toBeNull();
  const cb = callback as unknown as URL;
  expect(cb.searchParams.get('state')).toBe(state);

  const res = await fetch(`${KC.url}/realms/${KC.realm}/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'gov-portal', code: cb.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier }),
  });
  expect(res.status).toBe(200);
  const token = ((await res.json()) as { access_token: string }).access_token;
  const c = claims(token);
  expect(c.preferred_username).toBe(username);
  expect(c.realm_access?.roles).toContain('public');
  expect(c.realm_access?.roles.filter((r) => ['authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'assessor', 'service'].includes(r))).toEqual([]);
  expect(c.department).toBeUndefined();

  // A public mutation with the new token, through the gateway.
  const key = await graphqlRequest<{ createOpenDataApiKey: { secret: string; key: { name: string } } }>(gatewayUrl(),
    'mutation($name: String!) { createOpenDataApiKey(name: $name) { secret key { name } } }', { name: '我的第一个密钥' }, token);
  expect(key.errors).toBeUndefined();
  expect(key.data!.createOpenDataApiKey.key.name).toBe('我的第一个密钥');
  const demand = await graphqlRequest<{ raiseOpenDataDemand: { id: string } }>(gatewayUrl(),
    'mutation($input: OpenDataDemandInput!) { raiseOpenDataDemand(input: $input) { id } }',
    { input: { title: `公交实时到站数据 ${uniqueCode('D')}`, description: '希望开放公交到站数据', regionCode: '420600', idempotencyKey: uniqueCode('reg') } }, token);
  expect(demand.errors).toBeUndefined();
  // ...and nothing staff-only.
  const staff = await graphqlRequest(gatewayUrl(), 'query { openDataApplications(overdueOnly: true) { totalCount } }', {}, token);
  expect(staff.errors).toBeUndefined(); // a public user sees only its own applications
  expect((staff.data as { openDataApplications: { totalCount: number } }).openDataApplications.totalCount).toBe(0);
});
