// Real tokens from the real Keycloak for the demo users of infra/demo/org.json, and GraphQL calls through the gateway.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientCredentialsToken, commonConfig, graphqlRequest, passwordToken } from '@gov/kit';
import { seededPlanId } from '../services/security/src/domain/demo';

const org = JSON.parse(readFileSync(join(__dirname, '..', 'infra', 'demo', 'org.json'), 'utf8')) as {
  password: string; serviceClients: Array<{ clientId: string; secret: string }>;
};
const kc = commonConfig().keycloak;

export type DemoUser =
  | `${'city' | 'county'}-${'authority' | 'operator' | 'gaj-admin' | 'scjg-admin' | 'gaj-approver' | 'wjw-user' | 'zrzy-user' | 'assessor' | 'fgw-approver' | 'czj-approver' | 'public'}`;

export function tokenOf(user: DemoUser): Promise<string> {
  return passwordToken(kc, user, org.password);
}

export function serviceToken(clientId: string): Promise<string> {
  const c = org.serviceClients.find((s) => s.clientId === clientId);
  if (!c) throw new Error(`no service client ${clientId}`);
  return clientCredentialsToken(kc, c.clientId, c.secret);
}

export function gatewayUrl(): string {
  const url = process.env.GATEWAY_URL;
  if (!url) throw new Error('GATEWAY_URL is not set: integration tests run under test/global-setup.ts');
  return url;
}

/** A GraphQL call through the gateway as a demo user (or anonymously with `null`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read loosely-shaped response data
export async function gql<T = Record<string, any>>(as: DemoUser | null, query: string, variables: Record<string, unknown> = {}) {
  const token = as ? await tokenOf(as) : undefined;
  return graphqlRequest<T>(gatewayUrl(), query, variables, token);
}

export function codes(res: { errors?: Array<{ extensions?: Record<string, unknown> }> }): unknown[] {
  return (res.errors ?? []).map((e) => e.extensions?.code);
}

export function uniqueCode(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
}

/** Polls `read` every `intervalMs` until `ok` holds (at most `tries` times), then returns the last value for the assertion. */
export async function eventually<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, tries = 100, intervalMs = 100): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return read();
}

/** A call that must succeed (set-up steps): its data, or an error naming the user and the GraphQL errors. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read loosely-shaped response data
export async function ok<T = any>(as: DemoUser, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await gql(as, query, variables);
  if (res.errors) throw new Error(`${as}: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

/**
 * Waits until every subgraph's audit outbox is empty, i.e. every record written so far is in security's chain
 * (the relay ships asynchronously). Call it before asserting on audit records, including on their absence.
 */
export async function auditDrained(timeoutMs = 20_000): Promise<void> {
  const urls = Object.entries(process.env).filter(([k]) => k.startsWith('SUBGRAPH_URL_')).map(([, v]) => v!.replace(/\/graphql$/, '/audit-outbox'));
  const until = Date.now() + timeoutMs;
  for (;;) {
    const pending = await Promise.all(urls.map(async (u) => {
      try { return ((await (await fetch(u)).json()) as { pending?: number }).pending ?? 1; } catch { return 1; }
    }));
    if (pending.every((n) => n === 0)) return;
    if (Date.now() > until) throw new Error(`audit outboxes not drained after ${timeoutMs} ms: ${urls.map((u, i) => `${u}=${pending[i]}`).join(' ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * 000 §24: before a grant's first delivery the consumer declares its security capability (with its department's seeded
 * emergency plan, services/security/src/seed.ts) and the platform operator of its region confirms it.
 */
export async function passCapabilityCheck(consumer: DemoUser, grantId: string): Promise<void> {
  const [level, kind] = consumer.split('-') as ['city' | 'county', 'wjw' | 'zrzy' | 'gaj' | 'scjg'];
  const region = level === 'city' ? '420600' : '420683';
  await ok(consumer, 'mutation($g: ID!, $input: SecurityCapabilityInput!) { declareSecurityCapability(grantId: $g, input: $input) { status } }', {
    g: grantId, input: { responsiblePerson: '王安全', systems: ['业务受理系统'], gradeProtectionLevel: 3, emergencyPlanId: seededPlanId(region, kind) },
  });
  await ok(`${level}-operator`, 'mutation($g: ID!) { confirmSecurityCapability(grantId: $g, passed: true) { status } }', { g: grantId });
}
