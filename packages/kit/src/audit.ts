// "No audit record, no data" (004 §33, issue 5): every subgraph appends one record per operation to security's SM3
// chain through its service-only mutation, BEFORE returning the data. If the append fails for any reason (security
// down, Keycloak down, timeout, rejected input) the caller gets AuditUnavailableError and no data: fail closed.
import { createHash, randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from 'typeorm';
import { commonConfig, env, envInt, type CommonConfig } from './config';
import { AuditUnavailableError } from './errors';
import type { Logger } from './logger';
import type { User } from './roles';
import { doneOf, getProcessOutbox, type AuditShipper } from './outbox';
import { subgraphUrl } from './run';
import { clientCredentialsToken, forgetToken, graphqlRequest } from './tokens';

/** What was done to the data: 004 §33 (采集 / 共享 / 查询 / 核验 / 下载 / 访问 / 更新) plus approvals, exports, imports. */
export type AuditAction = 'COLLECT' | 'SHARE' | 'QUERY' | 'VERIFY' | 'DOWNLOAD' | 'ACCESS' | 'UPDATE' | 'APPROVE' | 'EXPORT' | 'IMPORT';
export type AuditOutcome = 'SUCCESS' | 'DENIED' | 'FAILURE';

/** One record per operation (a page of a query is one record: the items touched, the row count in `detail`). */
export interface AuditEntry {
  action: AuditAction;
  resourceId?: string | null;
  grantId?: string | null;
  /** The declared business scenario of the use. */
  scenario?: string | null;
  /** Names of the data items touched (columns / fields), not their values. */
  items?: string[];
  /** Default SUCCESS. */
  outcome?: AuditOutcome;
  /** Free text, e.g. `rows=20`; never personal data. */
  detail?: string | null;
  /** A notification security derives from this record, in the same transaction as it chains it (issue 14). */
  notify?: AuditNotice | null;
  /** A to-do item this operation completed (已办, issue 14): security keeps it for the actor's history, same transaction. */
  done?: AuditDone | null;
}

/** The item done: what (type, stage), on what (id), for which department and region, with which outcome (APPROVED, FIXED ...). */
export interface AuditDone {
  type: string;
  id: string;
  stage?: string | null;
  title: string;
  departmentId: string;
  regionCode: string;
  outcome?: string | null;
}

export const AUDIT_NOTICE_KINDS = ['TASK', 'DECISION', 'ESCALATION', 'REMINDER'] as const;
export type AuditNoticeKind = typeof AUDIT_NOTICE_KINDS[number];

/** Who sees a notice: one user (username), or every user holding `role` in a department or in a region. */
export interface AuditNoticeRecipient { username?: string | null; departmentId?: string | null; regionCode?: string | null; role?: string | null }

/** What a user is told: the kind (TASK, DECISION, ESCALATION, REMINDER: a deadline one working day away), a title, the
 *  thing to act on and who is told. */
export interface AuditNotice {
  kind: AuditNoticeKind;
  title: string;
  subjectType: string;
  subjectId: string;
  link?: string | null;
  recipients: AuditNoticeRecipient[];
}

/** Who acted: a user of a request, or the identity an activity / workflow acts for. */
export interface AuditActor { username: string; sub: string; department: string | null; region: string | null }

export const ANONYMOUS_ACTOR: AuditActor = { username: 'anonymous', sub: 'anonymous', department: null, region: null };

export function auditActorOf(user: User | null): AuditActor {
  return user ? { username: user.username, sub: user.sub, department: user.department, region: user.region } : ANONYMOUS_ACTOR;
}

export interface AuditClientOptions {
  config: CommonConfig;
  /** The deployable that reports (catalog, open-data, a worker...). */
  source: string;
  /** Default: SUBGRAPH_URL_SECURITY or the local default port. */
  securityUrl?: string;
  /** Per attempt; default AUDIT_TIMEOUT_MS or 5000. */
  timeoutMs?: number;
  /** The bearer token to append with; default: the platform service account's client-credentials token (cached). */
  token?: () => Promise<string>;
}

export interface AuditClient {
  /** Appends one record; resolves only once security has chained it. Throws AuditUnavailableError otherwise. */
  append(actor: AuditActor, requestId: string, entry: AuditEntry, recordId?: string): Promise<void>;
}

const APPEND = `mutation AppendAuditRecord($input: AppendAuditRecordInput!) { appendAuditRecord(input: $input) { id seq } }`;

/** Codes that say the record was refused for good: retrying with the same input cannot help. */
const FINAL = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED']);

/** The record security chains for `entry`, with its id chosen here so a retry of a lost answer is the same record. */
export function auditInput(actor: AuditActor, requestId: string, entry: AuditEntry, source: string, id: string = randomUUID()) {
  return {
    id,
    actor: actor.username.slice(0, 64), actorSub: actor.sub.slice(0, 64),
    departmentId: actor.department, regionCode: actor.region,
    action: entry.action, resourceId: entry.resourceId ?? null, grantId: entry.grantId ?? null,
    scenario: entry.scenario ?? null, items: [...new Set(entry.items ?? [])], outcome: entry.outcome ?? 'SUCCESS',
    detail: entry.detail ?? null, source, requestId: requestId.slice(0, 64), notify: entry.notify ?? null, done: entry.done ? doneOf(entry.done) : null,
  };
}

export function createAuditClient(opts: AuditClientOptions): AuditClient {
  const timeoutMs = opts.timeoutMs ?? envInt('AUDIT_TIMEOUT_MS', 5000);
  const url = () => opts.securityUrl ?? subgraphUrl('security');
  const sa = opts.config.serviceAccount;

  async function attempt(input: Record<string, unknown>): Promise<{ ok: true } | { ok: false; final: boolean; reason: string }> {
    let token: string;
    try {
      token = await (opts.token ? opts.token() : clientCredentialsToken(opts.config.keycloak, sa.clientId, sa.clientSecret));
    } catch (e) {
      return { ok: false, final: false, reason: `no service token (${(e as Error).message.slice(0, 120)})` };
    }
    try {
      const res = await graphqlRequest<{ appendAuditRecord: { id: string } }>(url(), APPEND, { input }, token, {
        'x-request-id': String(input.requestId),
      }, AbortSignal.timeout(timeoutMs));
      if (res.data?.appendAuditRecord?.id === input.id) return { ok: true };
      const codes = (res.errors ?? []).map((e) => String(e.extensions?.code ?? ''));
      const reason = res.errors?.map((e) => e.message).join('; ') || `security answered ${res.status}`;
      return { ok: false, final: codes.some((c) => FINAL.has(c)), reason };
    } catch (e) {
      return { ok: false, final: false, reason: `security unreachable (${(e as Error).name}: ${(e as Error).message.slice(0, 120)})` };
    }
  }

  return {
    async append(actor, requestId, entry, recordId) {
      const input = auditInput(actor, requestId, entry, opts.source, recordId); // security dedupes a retry on input.id
      let last = await attempt(input);
      if (!last.ok && !last.final) last = await attempt(input);
      if (!last.ok) throw new AuditUnavailableError(last.reason);
    },
  };
}

let defaultClient: { source: string; client: AuditClient } | undefined;

/**
 * The record id of an operation that must be recorded once whatever retries it (e.g. a workflow's reminder): a UUID
 * derived from a business key, so the outbox and security's chain (idempotent on ids) keep the first copy only.
 */
export function onceRecordId(key: string): string {
  const h = createHash('sha256').update(`audit-once:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Outside a request (activities, HTTP routes, scripts): record as `actor`. In a service process the record goes to the
 * service's outbox (with `manager`: inside that write's transaction); elsewhere straight to security. Same fail-closed
 * contract as `ctx.audit`; `requestId` ties the record to the business operation (e.g. the workflow id).
 */
export async function auditAs(
  actor: AuditActor, entry: AuditEntry,
  opts: { requestId?: string; source?: string; client?: AuditClient; manager?: EntityManager; /** `onceRecordId(key)`: recorded once whatever retries it. */ once?: string } = {},
): Promise<void> {
  const outbox = getProcessOutbox();
  const recordId = opts.once ? onceRecordId(opts.once) : undefined;
  if (outbox && !opts.client) {
    await outbox.record(actor, opts.requestId ?? randomUUID(), entry, opts.manager, recordId);
    return;
  }
  const source = opts.source ?? env('AUDIT_SOURCE', 'platform');
  let client = opts.client;
  if (!client) {
    if (!defaultClient || defaultClient.source !== source) defaultClient = { source, client: createAuditClient({ config: commonConfig(), source }) };
    client = defaultClient.client;
  }
  await client.append(actor, opts.requestId ?? randomUUID(), entry, recordId);
}

const APPEND_BATCH = `mutation AppendAuditRecords($records: [AppendAuditRecordInput!]!) { appendAuditRecords(records: $records) }`;

/** The relay's way to the chain: security's service-only batch append, as the platform's service account. */
export function httpAuditShipper(opts: { config: CommonConfig; securityUrl?: string; timeoutMs?: number; token?: () => Promise<string> }): AuditShipper {
  const timeoutMs = opts.timeoutMs ?? envInt('AUDIT_TIMEOUT_MS', 5000);
  const sa = opts.config.serviceAccount;
  return async (records) => {
    const token = await (opts.token ? opts.token() : clientCredentialsToken(opts.config.keycloak, sa.clientId, sa.clientSecret));
    const res = await graphqlRequest<{ appendAuditRecords: number }>(opts.securityUrl ?? subgraphUrl('security'), APPEND_BATCH, { records }, token, {
      'x-request-id': `audit-relay-${records[0].id}`,
    }, AbortSignal.timeout(timeoutMs));
    if (res.status === 401 || res.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) forgetToken(token); // next batch, fresh token
    if (res.errors?.length || typeof res.data?.appendAuditRecords !== 'number') {
      throw new Error(`security refused the batch (${res.status}): ${(res.errors ?? []).map((e) => e.message).join('; ').slice(0, 300) || 'no data'}`);
    }
  };
}

/**
 * Refusals are audited too (outcome DENIED), so probing shows in the chain. Best effort and not awaited: a refusal
 * releases no data. A refused append to the chain is recorded too: the outbox writes locally, so there is no loop.
 */
export function deniedAccessAuditPlugin(logger: Logger): ApolloServerPlugin<{ audit?(e: AuditEntry): Promise<void> }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operationName }) {
          const denied = errors.filter((e) => e.extensions?.code === 'FORBIDDEN');
          if (!denied.length || !contextValue.audit) return;
          const detail = denied.map((e) => `${e.path?.join('.') ?? operationName ?? '?'}: ${e.message}`).join('; ').slice(0, 1000);
          contextValue.audit({ action: 'ACCESS', outcome: 'DENIED', items: [...new Set(denied.map((e) => String(e.path?.[0] ?? operationName ?? '?')))], detail })
            .catch((err) => logger.warn({ err }, 'could not audit a refused access'));
        },
      };
    },
  };
}
