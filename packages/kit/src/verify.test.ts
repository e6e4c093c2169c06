// The verifier itself against a JWKS it trusts (a local one): the claims checks that a foreign-signed token can never
// reach in an integration test (expiry, not-before, audience, issuer) refuse with UNAUTHENTICATED.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { createTokenVerifier } from './auth';
import { UnauthenticatedError } from './errors';

let server: Server;
let privateKey: CryptoKey;
let verify: ReturnType<typeof createTokenVerifier>;
const issuer = 'http://issuer.test/realms/gov';
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((_req, res) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ keys: [jwk] })); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`;
  verify = createTokenVerifier({ issuer, jwksUrl, audience: 'gov-graph' });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const sign = (claims: Record<string, unknown>) =>
  new SignJWT({ realm_access: { roles: ['authority'] }, sub: 'u1', iss: issuer, aud: 'gov-graph', iat: now(), exp: now() + 300, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(privateKey);

test('a valid token verifies', async () => {
  expect(await verify(`Bearer ${await sign({})}`)).toMatchObject({ sub: 'u1', roles: ['authority'] });
});

test.each([
  // (jest runs jose transpiled, where its error codes do not survive: the reason is checked as "invalid access token")
  ['expired', { iat: now() - 7200, exp: now() - 3600 }, /invalid access token/],
  ['not yet valid', { nbf: now() + 3600 }, /invalid access token/],
  ['wrong audience', { aud: 'account' }, /invalid access token/],
  ['wrong issuer', { iss: 'http://issuer.test/realms/other' }, /invalid access token/],
  ['no subject', { sub: undefined }, /no subject/],
])('%s -> UNAUTHENTICATED', async (_name, claims, reason) => {
  const token = await sign(claims);
  const err = await verify(`Bearer ${token}`).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UnauthenticatedError);
  expect((err as Error).message).toMatch(reason);
});

test('alg none and HS256 (signed with the public JWK) -> UNAUTHENTICATED', async () => {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const none = `${b64({ alg: 'none', kid: 'k1' })}.${b64({ sub: 'u1', iss: issuer, aud: 'gov-graph', exp: now() + 300 })}.`;
  await expect(verify(`Bearer ${none}`)).rejects.toBeInstanceOf(UnauthenticatedError);
  const pub = await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`)).text();
  const hs = await new SignJWT({ sub: 'u1', iss: issuer, aud: 'gov-graph', exp: now() + 300 }).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).sign(new TextEncoder().encode(pub));
  await expect(verify(`Bearer ${hs}`)).rejects.toBeInstanceOf(UnauthenticatedError);
});

test('a token verified once is served from the cache as a fresh copy (a caller changing it changes nothing)', async () => {
  const token = `Bearer ${await sign({})}`;
  const first = (await verify(token))!;
  first.roles.push('platform-operator');
  expect((await verify(token))!.roles).toEqual(['authority']);
});

describe('revocation check (Keycloak introspection, cached per token)', () => {
  let kc: Server;
  let calls = 0;
  let active = true;
  let url: string;
  beforeAll(async () => {
    kc = createServer((_req, res) => { calls++; res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ active })); });
    await new Promise<void>((r) => kc.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(kc.address() as AddressInfo).port}/introspect`;
  });
  afterAll(() => new Promise<void>((r) => kc.close(() => r())));

  const withCheck = (ttlMs: number, at = url) => createTokenVerifier({
    issuer, jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`, audience: 'gov-graph',
    revocation: { url: at, clientId: 'svc', clientSecret: 's', ttlMs },
  });

  test('an inactive token (user disabled) is refused; one call per token per TTL, shared by concurrent requests', async () => {
    const v = withCheck(60_000);
    active = true; calls = 0;
    const token = `Bearer ${await sign({ jti: 'a1' })}`;
    await Promise.all([v(token), v(token), v(token)]);
    expect(calls).toBe(1);
    const revoked = `Bearer ${await sign({ jti: 'a2' })}`;
    active = false;
    await expect(v(revoked)).rejects.toThrow(/no longer active/);
    await expect(v(token)).resolves.toMatchObject({ sub: 'u1' }); // still inside its TTL
    expect(calls).toBe(2);
  });

  test('after the TTL the answer is asked again', async () => {
    const v = withCheck(1);
    const token = `Bearer ${await sign({ jti: 'b1' })}`;
    active = true;
    await v(token);
    await new Promise((r) => setTimeout(r, 5));
    active = false;
    await expect(v(token)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  test('Keycloak unreachable: the offline verification stands (fail open)', async () => {
    const v = withCheck(60_000, 'http://127.0.0.1:1/introspect');
    await expect(v(`Bearer ${await sign({ jti: 'c1' })}`)).resolves.toMatchObject({ sub: 'u1' });
  });
});
