// 003 §31-34: every token that is not a valid access token of this realm for this graph is refused with HTTP 401
// and UNAUTHENTICATED, at the gateway AND at each subgraph (zero trust: a subgraph reached directly verifies too).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPublicKey } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { commonConfig, SERVICE_PORTS } from '@gov/kit';
import { gatewayUrl, tokenOf } from './support';
import { leaks } from './fuzz/leaks';

const kc = commonConfig().keycloak;
const password = (JSON.parse(readFileSync(join(__dirname, '..', 'infra', 'demo', 'org.json'), 'utf8')) as { password: string }).password;
const ME = 'query Me { me { username roles } }';
const claims = { realm_access: { roles: ['authority'] }, department: '420600-sjj', region: '420600', preferred_username: 'mallory' };

const endpoints = (): Array<[string, string, string]> => [
  ['gateway', gatewayUrl(), ME],
  // Each subgraph with a query of its own (an entity lookup works on all of them and needs a verified caller).
  ...Object.keys(SERVICE_PORTS).map((s): [string, string, string] => [s, process.env[`SUBGRAPH_URL_${s.replace(/-/g, '_').toUpperCase()}`]!, '{ _service { sdl } }']),
];

async function kcToken(host: string, clientId: string, username = 'city-authority'): Promise<string> {
  const url = kc.issuer.replace('127.0.0.1', host);
  const res = await fetch(`${url}/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password, scope: 'openid' }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token from ${host}/${clientId}: ${JSON.stringify(body)}`);
  return body.access_token;
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

const hostile: Record<string, () => Promise<string>> = {};
beforeAll(async () => {
  const jwks = (await (await fetch(kc.jwksUrl)).json()) as { keys: Array<JWK & { use?: string }> };
  const realmKey = jwks.keys.find((k) => k.alg === 'RS256' && k.use !== 'enc')!;
  const realmPem = createPublicKey({ key: realmKey as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string;
  const foreign = await generateKeyPair('RS256');
  const base = { ...claims, sub: 'mallory', iss: kc.issuer, aud: kc.audience, iat: now(), exp: now() + 300 };
  const signForeign = (payload: Record<string, unknown>) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: realmKey.kid }).sign(foreign.privateKey);
  Object.assign(hostile, {
    'alg none (unsigned)': async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(base)}.`,
    'HS256 signed with the realm public key (algorithm confusion)': async () =>
      new SignJWT(base).setProtectedHeader({ alg: 'HS256', kid: realmKey.kid }).sign(new TextEncoder().encode(realmPem)),
    'HS256 signed with the realm JWK modulus': async () =>
      new SignJWT(base).setProtectedHeader({ alg: 'HS256', kid: realmKey.kid }).sign(Buffer.from(realmKey.n!, 'base64url')),
    'a foreign key (another realm) claiming the realm key id': () => signForeign(base),
    'a foreign key publishing its own JWK in the header': async () =>
      new SignJWT(base).setProtectedHeader({ alg: 'RS256', jwk: await exportJWK(foreign.publicKey) }).sign(foreign.privateKey),
    'expired (foreign-signed)': () => signForeign({ ...base, iat: now() - 7200, exp: now() - 3600 }),
    'not yet valid (foreign-signed)': () => signForeign({ ...base, nbf: now() + 3600 }),
    'wrong audience: a real realm token issued to admin-cli (no gov-graph audience)': () => kcToken('127.0.0.1', 'admin-cli'),
    'wrong issuer: a real realm-signed token whose iss is another host name': () => kcToken('localhost', 'gov-cli'),
    'a real token with its payload altered (role added)': async () => {
      const [h, p, s] = (await tokenOf('city-public')).split('.');
      const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
      return `${h}.${b64({ ...payload, realm_access: { roles: ['authority'] } })}.${s}`;
    },
    'a real token with its signature stripped': async () => `${(await tokenOf('city-public')).split('.').slice(0, 2).join('.')}.`,
  });
});

describe('hostile tokens -> 401 UNAUTHENTICATED at the gateway and at every subgraph', () => {
  const names = [
    'alg none (unsigned)', 'HS256 signed with the realm public key (algorithm confusion)', 'HS256 signed with the realm JWK modulus',
    'a foreign key (another realm) claiming the realm key id', 'a foreign key publishing its own JWK in the header',
    'expired (foreign-signed)', 'not yet valid (foreign-signed)',
    'wrong audience: a real realm token issued to admin-cli (no gov-graph audience)',
    'wrong issuer: a real realm-signed token whose iss is another host name',
    'a real token with its payload altered (role added)', 'a real token with its signature stripped',
  ];
  test.each(names)('%s', async (name) => {
    const token = await hostile[name]();
    for (const [where, url, query] of endpoints()) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
      const text = await res.text();
      expect({ where, status: res.status }).toEqual({ where, status: 401 });
      const body = JSON.parse(text) as { data?: unknown; errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
      expect(body.data ?? null).toBeNull();
      expect(leaks(text)).toBeNull();
    }
  });

  test('the same real token, unaltered, is accepted at the gateway and at a subgraph (the fixture is not what fails)', async () => {
    const token = await kcToken('127.0.0.1', 'gov-cli');
    for (const [where, url, query] of endpoints().slice(0, 2)) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
      expect({ where, status: res.status }).toEqual({ where, status: 200 });
    }
  });
});
