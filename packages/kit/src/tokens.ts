// Getting tokens from Keycloak: password grant for realistic demo users (tests, the README's copy-paste command),
// client credentials for machine users. Tokens are cached until shortly before they expire.
import type { CommonConfig } from './config';
import { httpCall } from './http-client';

interface TokenResponse { access_token: string; expires_in: number }

async function tokenRequest(cfg: CommonConfig['keycloak'], form: Record<string, string>): Promise<TokenResponse> {
  const res = await fetch(`${cfg.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  if (!res.ok) throw new Error(`Keycloak token request for ${form.username ?? form.client_id} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as TokenResponse;
}

const cache = new Map<string, { token: string; until: number }>();
async function cached(key: string, get: () => Promise<TokenResponse>): Promise<string> {
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.token;
  const t = await get();
  cache.set(key, { token: t.access_token, until: Date.now() + (t.expires_in - 30) * 1000 });
  return t.access_token;
}

/**
 * Forget a cached token the receiver refused (401 / UNAUTHENTICATED): after Keycloak rotates its keys, a cached token
 * is rejected everywhere until it would have expired; the next call fetches a fresh one.
 */
export function forgetToken(token: string): void {
  for (const [k, v] of cache) if (v.token === token) cache.delete(k);
}

export function passwordToken(cfg: CommonConfig['keycloak'], username: string, password: string, clientId = 'gov-cli'): Promise<string> {
  return cached(`pw:${clientId}:${username}`, () =>
    tokenRequest(cfg, { grant_type: 'password', client_id: clientId, username, password, scope: 'openid' }));
}

export function clientCredentialsToken(cfg: CommonConfig['keycloak'], clientId: string, clientSecret: string): Promise<string> {
  return cached(`cc:${clientId}`, () =>
    tokenRequest(cfg, { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }));
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** A GraphQL call with variables (never inlined literals: the gateway caches plans by query text). */
export async function graphqlRequest<T = Record<string, unknown>>(
  url: string, query: string, variables: Record<string, unknown> = {}, token?: string, headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<GraphQLResponse<T> & { status: number }> {
  const res = await httpCall(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = JSON.parse(res.body) as GraphQLResponse<T>;
  return { ...body, status: res.status };
}
