// 003 §31-34, issue 16 §3: a user disabled in Keycloak is refused soon after, everywhere — the gateway and each
// subgraph ask Keycloak whether a verified token is still active (introspection, one answer reused per token for
// AUTH_REVOCATION_TTL_MS), so the token does not live on until it expires (900 s). A throwaway user of the realm is
// created, disabled, re-enabled and deleted through Keycloak's admin API: the shared demo users are never touched.
import { randomBytes } from 'node:crypto';
import { commonConfig, SERVICE_PORTS } from '@gov/kit';
import { eventually, gatewayUrl } from './support';

const kc = commonConfig().keycloak;
const admin = { user: process.env.KEYCLOAK_ADMIN_USER ?? 'admin', password: process.env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin' }; // infra/local/lib.sh
const username = `revoked-${randomBytes(4).toString('hex')}`;
const password = `Pw-${randomBytes(8).toString('hex')}`;
const usersUrl = `${kc.url}/admin/realms/${kc.realm}/users`;
let userId = '';

async function adminHeaders(): Promise<Record<string, string>> {
  const res = await fetch(`${kc.url}/realms/master/protocol/openid-connect/token`, {
    method: 'POST', body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: admin.user, password: admin.password }),
  });
  const { access_token: token } = (await res.json()) as { access_token: string };
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

async function tokens(): Promise<{ access_token?: string; refresh_token?: string; error?: string; error_description?: string }> {
  const res = await fetch(`${kc.issuer}/protocol/openid-connect/token`, {
    method: 'POST', body: new URLSearchParams({ grant_type: 'password', client_id: 'gov-cli', username, password, scope: 'openid' }),
  });
  return res.json() as never;
}

async function setEnabled(enabled: boolean): Promise<void> {
  const res = await fetch(`${usersUrl}/${userId}`, { method: 'PUT', headers: await adminHeaders(), body: JSON.stringify({ enabled }) });
  expect(res.status).toBe(204);
}

const endpoints = (): Array<[string, string, string]> => [
  ['gateway', gatewayUrl(), 'query Me { me { username } }'],
  ...Object.keys(SERVICE_PORTS).map((s): [string, string, string] => [s, process.env[`SUBGRAPH_URL_${s.replace(/-/g, '_').toUpperCase()}`]!, '{ _service { sdl } }']),
];

/** HTTP status and first error code of one call with `token` at every endpoint. */
async function statuses(token: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await Promise.all(endpoints().map(async ([name, url, query]) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    out[name] = `${res.status} ${body.errors?.[0]?.extensions?.code ?? 'OK'}`;
  }));
  return out;
}
const all = (value: string) => Object.fromEntries(endpoints().map(([n]) => [n, value]));

beforeAll(async () => {
  const h = await adminHeaders();
  const res = await fetch(usersUrl, {
    method: 'POST', headers: h,
    body: JSON.stringify({
      username, enabled: true, emailVerified: true, email: `${username}@test.gov.example`, firstName: '测试', lastName: '停用',
      attributes: { department: ['420600-gaj'], region: ['420600'] }, credentials: [{ type: 'password', value: password, temporary: false }],
    }),
  });
  expect(res.status).toBe(201);
  userId = res.headers.get('location')!.split('/').pop()!;
  const role = await (await fetch(`${kc.url}/admin/realms/${kc.realm}/roles/dept-user`, { headers: h })).json();
  await fetch(`${usersUrl}/${userId}/role-mappings/realm`, { method: 'POST', headers: h, body: JSON.stringify([role]) });
});

afterAll(async () => {
  if (userId) await fetch(`${usersUrl}/${userId}`, { method: 'DELETE', headers: await adminHeaders() });
});

test('a disabled user: the token in hand is refused with 401 at the gateway and every subgraph soon after; refresh is refused; re-enabled, a new sign-in works', async () => {
  const issued = await tokens();
  expect(issued.access_token).toBeDefined();
  expect(await statuses(issued.access_token!)).toEqual(all('200 OK'));

  await setEnabled(false);
  // Within the revocation TTL (default 15 s) every process has asked Keycloak again; eventually polls, time is not asserted.
  const refused = await eventually(() => statuses(issued.access_token!), (s) => Object.values(s).every((v) => v === '401 UNAUTHENTICATED'), 120, 250);
  expect(refused).toEqual(all('401 UNAUTHENTICATED'));
  const refresh = await fetch(`${kc.issuer}/protocol/openid-connect/token`, {
    method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', client_id: 'gov-cli', refresh_token: issued.refresh_token! }),
  });
  expect(refresh.status).toBe(400);
  expect(await tokens()).toMatchObject({ error: 'invalid_grant' });

  await setEnabled(true);
  const again = await tokens();
  expect(again.access_token).toBeDefined();
  expect(await statuses(again.access_token!)).toEqual(all('200 OK'));
}, 120_000);
