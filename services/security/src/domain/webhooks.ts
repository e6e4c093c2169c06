// Department webhooks (issue 14 §4): a department feeds its own OA system with the notices addressed to it (or to a role
// in it). A delivery row is written in the transaction that writes the notice (so in the chain's own transaction: no
// notice without its deliveries, none lost when security or the receiver restarts); the relay below posts it, signed
// exactly like sharing's PUSH (kit webhook.ts), with retries and backoff, the same idempotency key on every attempt.
import { randomBytes, randomUUID } from 'node:crypto';
import { sm4Decrypt, sm4Encrypt, type Sm4Keyring } from '@gov/gm-crypto';
import { signedDeliveryHeaders, WEBHOOK_HEADERS, type AuditNotice, type Logger } from '@gov/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { DepartmentWebhook, WebhookDeliveryStatus, WebhookStatus } from '../entities/department-webhook';

export const MAX_WEBHOOKS_PER_DEPARTMENT = 20;
/** The roles whose region-addressed notices (`{regionCode, role}`, no department) a webhook of their department may opt in to. */
export const REGION_NOTICE_ROLES = ['authority', 'platform-operator'] as const;

/** Why `url` cannot be a webhook address, or null: http(s) only, no credentials in it, at most 500 characters. */
export function webhookUrlProblem(url: string): string | null {
  if (url.length > 500) return 'at most 500 characters';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'http(s) only';
  if (u.username || u.password) return 'no credentials in the URL (the body is signed with the secret instead)';
  if (!u.hostname) return 'a host is required';
  // Intranet OA systems sit on private addresses, so those are allowed; link-local (cloud metadata) and unspecified are not.
  if (/^(169\.254\.|0\.0\.0\.0$)/.test(u.hostname) || /^\[(fe[89ab][0-9a-f]:|::\]$)/i.test(u.hostname)) return 'not a link-local or unspecified address';
  return null;
}

/** Why a supplied secret is refused, or null: 16 to 128 printable ASCII characters. */
export function webhookSecretProblem(secret: string): string | null {
  return /^[\x21-\x7e]{16,128}$/.test(secret) ? null : '16 to 128 printable ASCII characters, no spaces';
}

export async function registerWebhook(
  m: EntityManager, keyring: Sm4Keyring,
  input: { departmentId: string; regionCode: string; url: string; kinds: string[]; regionRoles: string[]; description: string | null; secret: string | null; createdBy: string },
): Promise<{ webhook: DepartmentWebhook; secret: string }> {
  const secret = input.secret ?? randomBytes(32).toString('hex');
  const repo = m.getRepository(DepartmentWebhook);
  const id = randomUUID();
  await repo.insert({
    id, departmentId: input.departmentId, regionCode: input.regionCode, url: input.url, kinds: input.kinds, regionRoles: input.regionRoles, description: input.description,
    secret: sm4Encrypt(secret, keyring), status: WebhookStatus.ACTIVE, createdBy: input.createdBy, disabledAt: null,
  });
  return { webhook: await repo.findOneByOrFail({ id }), secret };
}

/** Disables the webhook; its pending deliveries are cancelled (nothing more is posted). Disabling twice changes nothing. */
export async function disableWebhook(m: EntityManager, w: DepartmentWebhook): Promise<{ webhook: DepartmentWebhook; cancelled: number }> {
  if (w.status === WebhookStatus.DISABLED) return { webhook: w, cancelled: 0 };
  await m.getRepository(DepartmentWebhook).update({ id: w.id }, { status: WebhookStatus.DISABLED, disabledAt: new Date() });
  const res = await m.query("UPDATE webhook_delivery SET status = ? WHERE webhook_id = ? AND status = ?", [WebhookDeliveryStatus.CANCELLED, w.id, WebhookDeliveryStatus.PENDING]) as { affectedRows?: number };
  return { webhook: await m.getRepository(DepartmentWebhook).findOneByOrFail({ id: w.id }), cancelled: res.affectedRows ?? 0 };
}

/** Enables a disabled webhook again: the notices after this are delivered (those cancelled by the disable are not). Enabling twice changes nothing. */
export async function enableWebhook(m: EntityManager, w: DepartmentWebhook): Promise<{ webhook: DepartmentWebhook; changed: boolean }> {
  if (w.status === WebhookStatus.ACTIVE) return { webhook: w, changed: false };
  await m.getRepository(DepartmentWebhook).update({ id: w.id }, { status: WebhookStatus.ACTIVE, disabledAt: null });
  return { webhook: await m.getRepository(DepartmentWebhook).findOneByOrFail({ id: w.id }), changed: true };
}

/**
 * Deletes the DELIVERED and FAILED deliveries created before `before` (PENDING ones are still due, CANCELLED ones are
 * kept for the webhook's owner until it is removed), in batches; returns how many.
 */
export async function pruneDeliveries(ds: DataSource | EntityManager, before: Date, batch = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const res = await ds.query('DELETE FROM webhook_delivery WHERE status IN (?, ?) AND created_at < ? LIMIT ?',
      [WebhookDeliveryStatus.DELIVERED, WebhookDeliveryStatus.FAILED, before, batch]) as { affectedRows?: number };
    total += res.affectedRows ?? 0;
    if ((res.affectedRows ?? 0) < batch) return total;
  }
}

/** Removes the webhook and its delivery history. */
export async function removeWebhook(m: EntityManager, w: DepartmentWebhook): Promise<void> {
  await m.query('DELETE FROM webhook_delivery WHERE webhook_id = ?', [w.id]);
  await m.getRepository(DepartmentWebhook).delete({ id: w.id });
}

/** What the receiver gets for one notice (the same bytes on every attempt). */
export interface WebhookBody {
  deliveryId: string; notificationId: string; departmentId: string; kind: string; title: string;
  resourceType: string; resourceId: string; link: string | null; roles: string[];
  /** The region a region-addressed notice was for (its `roles` then name the role there); null for the department's own. */
  regionCode: string | null; createdAt: string;
}

type Recipient = AuditNotice['recipients'][number];
interface Hook { id: string; departmentId: string; regionCode: string; kinds: string | null; regionRoles: string | null }

/** The recipients of a notice a webhook stands for: its department's, and (if it opted in) its roles' in its own region. */
export function recipientsFor(h: Hook, recipients: Recipient[]): Recipient[] {
  const roles = h.regionRoles ? h.regionRoles.split(',') : [];
  return recipients.filter((r) => (r.departmentId ? r.departmentId === h.departmentId
    : !!r.regionCode && !!r.role && r.regionCode === h.regionCode && roles.includes(r.role)));
}

/**
 * In the transaction that writes the notices: one delivery per (notice, active webhook it is for, kinds filter passing).
 * A webhook is for the notices addressed to its department (or a role in it) and, when it opted in, for those addressed
 * to its registrant's role (authority, platform-operator) in its own region — exactly the region, as the inbox reads
 * them: a county's notices never reach the city's webhook, nor the city's a county's. Notices addressed only by
 * username reach no webhook.
 */
export async function enqueueWebhookDeliveries(m: EntityManager, notices: Array<{ id: string; notice: AuditNotice }>): Promise<number> {
  const all = notices.flatMap((n) => n.notice.recipients);
  const depts = [...new Set(all.map((r) => r.departmentId).filter((d): d is string => !!d))];
  const regions = [...new Set(all.filter((r) => !r.departmentId && r.role && r.regionCode).map((r) => r.regionCode as string))];
  if (!depts.length && !regions.length) return 0;
  const where = [
    ...(depts.length ? [`department_id IN (${depts.map(() => '?').join(',')})`] : []),
    ...(regions.length ? [`(region_roles IS NOT NULL AND region_code IN (${regions.map(() => '?').join(',')}))`] : []),
  ].join(' OR ');
  const hooks = await m.query(
    `SELECT id, department_id AS departmentId, region_code AS regionCode, kinds, region_roles AS regionRoles FROM department_webhook WHERE status = ? AND (${where})`,
    [WebhookStatus.ACTIVE, ...depts, ...regions]) as Hook[];
  if (!hooks.length) return 0;
  const now = new Date();
  const rows: unknown[][] = [];
  for (const { id, notice } of notices) {
    for (const h of hooks) {
      const to = recipientsFor(h, notice.recipients);
      if (!to.length || (h.kinds && !h.kinds.split(',').includes(notice.kind))) continue;
      const deliveryId = randomUUID();
      const body: WebhookBody = {
        deliveryId, notificationId: id, departmentId: h.departmentId, kind: notice.kind, title: notice.title, resourceType: notice.subjectType,
        resourceId: notice.subjectId, link: notice.link ?? null, roles: [...new Set(to.map((r) => r.role).filter((r): r is string => !!r))],
        regionCode: to.find((r) => !r.departmentId)?.regionCode ?? null, createdAt: now.toISOString(),
      };
      rows.push([deliveryId, h.id, id, JSON.stringify(body), WebhookDeliveryStatus.PENDING, 0, now, now]);
    }
  }
  if (!rows.length) return 0;
  await m.query('INSERT IGNORE INTO webhook_delivery (id, webhook_id, notification_id, body, status, attempts, next_attempt_at, created_at) VALUES ?', [rows]);
  return rows.length;
}

export interface WebhookRelayOptions {
  ds: DataSource;
  keyring: Sm4Keyring;
  logger: Logger;
  /** Idle poll interval (default 1 s). */
  pollMs?: number;
  /** The first retry waits this long, each next one twice as long, at most maxDelayMs (default 2 s, 15 min). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Attempts before a delivery is FAILED (default 10). */
  maxAttempts?: number;
  /** Per POST (default 10 s). */
  timeoutMs?: number;
  /** At most this many POSTs in flight in all (default 32) and per webhook (default 4): a slow or dead receiver holds
   *  its own slots only, never the other departments' deliveries. */
  maxInFlight?: number;
  perWebhook?: number;
  /** DELIVERED and FAILED deliveries older than this many days are deleted (default 90; 0 = at the next sweep). */
  retentionDays?: number;
  /** How often the relay sweeps old deliveries (default 1 h; the first sweep runs at start). */
  pruneEveryMs?: number;
}

interface Due { id: string; body: string; attempts: number; url: string; secret: string; webhookId: string }

/** Posts the due deliveries; one per security process (the lead worker), like the audit outbox relay. */
export class WebhookRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** POSTs in flight, and how many per webhook. */
  private readonly tracked = new Set<Promise<boolean>>();
  private readonly inFlight = new Map<string, number>();
  private readonly o: Required<Omit<WebhookRelayOptions, 'ds' | 'keyring' | 'logger'>>;

  constructor(private readonly opts: WebhookRelayOptions) {
    this.o = {
      pollMs: opts.pollMs ?? 1000, baseDelayMs: opts.baseDelayMs ?? 2000, maxDelayMs: opts.maxDelayMs ?? 15 * 60_000,
      maxAttempts: opts.maxAttempts ?? 10, timeoutMs: opts.timeoutMs ?? 10_000, maxInFlight: opts.maxInFlight ?? 32, perWebhook: opts.perWebhook ?? 4,
      retentionDays: opts.retentionDays ?? 90, pruneEveryMs: opts.pruneEveryMs ?? 3_600_000,
    };
  }

  /** The wait after the `attempts`-th failed attempt. */
  static backoff(attempts: number, baseMs: number, maxMs: number): number {
    return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.all(this.tracked);
  }

  /** One pass over the due deliveries, waiting for its POSTs; returns how many were attempted. */
  async deliverDue(): Promise<number> {
    const results = await Promise.all(await this.startDue());
    return results.filter(Boolean).length;
  }

  /**
   * Starts the due deliveries, earliest first: at most `perWebhook` of one receiver (counting those in flight) and
   * `maxInFlight` in all, so one receiver that hangs until its timeout delays nobody else's.
   */
  private async startDue(): Promise<Array<Promise<boolean>>> {
    const room = this.o.maxInFlight - this.tracked.size;
    if (room <= 0) return [];
    const due = await this.opts.ds.query(
      `SELECT id, body, attempts, url, secret, webhookId FROM (
         SELECT d.id, d.body, d.attempts, w.url, w.secret, d.webhook_id AS webhookId, d.next_attempt_at AS dueAt,
                ROW_NUMBER() OVER (PARTITION BY d.webhook_id ORDER BY d.next_attempt_at, d.id) AS nth
         FROM webhook_delivery d JOIN department_webhook w ON w.id = d.webhook_id AND w.status = ?
         WHERE d.status = ? AND d.next_attempt_at <= ?) x
       WHERE nth <= ? ORDER BY dueAt LIMIT ?`,
      [WebhookStatus.ACTIVE, WebhookDeliveryStatus.PENDING, new Date(), this.o.perWebhook, room]) as Due[];
    const started: Array<Promise<boolean>> = [];
    for (const d of due) {
      const busy = this.inFlight.get(d.webhookId) ?? 0;
      if (busy >= this.o.perWebhook) continue;
      this.inFlight.set(d.webhookId, busy + 1);
      const p: Promise<boolean> = this.attempt(d)
        .catch((e: Error) => { this.opts.logger.warn({ deliveryId: d.id, err: e.message }, 'webhook relay: attempt not recorded'); return false; })
        .finally(() => {
          const left = (this.inFlight.get(d.webhookId) ?? 1) - 1;
          if (left > 0) this.inFlight.set(d.webhookId, left); else this.inFlight.delete(d.webhookId);
          this.tracked.delete(p);
        });
      this.tracked.add(p);
      started.push(p);
    }
    return started;
  }

  private async attempt(d: Due): Promise<boolean> {
    const attempts = Number(d.attempts) + 1;
    // Claim the attempt (a lease past the POST's timeout): another relay, or this one's next pass, skips it meanwhile.
    const lease = new Date(Date.now() + this.o.timeoutMs + 30_000);
    const claim = await this.opts.ds.query('UPDATE webhook_delivery SET attempts = ?, next_attempt_at = ? WHERE id = ? AND status = ? AND attempts = ?',
      [attempts, lease, d.id, WebhookDeliveryStatus.PENDING, d.attempts]) as { affectedRows?: number };
    if (!claim.affectedRows) return false;
    let code: number | null = null;
    let error: string | null = null;
    try {
      const headers = { ...signedDeliveryHeaders(sm4Decrypt(d.secret, this.opts.keyring), d.body, d.id), [WEBHOOK_HEADERS.idempotencyKey]: d.id };
      const res = await fetch(d.url, { method: 'POST', body: d.body, headers, redirect: 'manual', signal: AbortSignal.timeout(this.o.timeoutMs) });
      code = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) error = `receiver answered ${res.status}`;
    } catch (e) {
      error = `${(e as Error).name}: ${((e as { cause?: Error }).cause?.message ?? (e as Error).message)}`.slice(0, 500);
    }
    if (!error) {
      await this.opts.ds.query('UPDATE webhook_delivery SET status = ?, response_code = ?, last_error = NULL, delivered_at = ? WHERE id = ? AND status = ?',
        [WebhookDeliveryStatus.DELIVERED, code, new Date(), d.id, WebhookDeliveryStatus.PENDING]);
      return true;
    }
    const last = attempts >= this.o.maxAttempts;
    await this.opts.ds.query('UPDATE webhook_delivery SET status = ?, response_code = ?, last_error = ?, next_attempt_at = ? WHERE id = ? AND status = ?', [
      last ? WebhookDeliveryStatus.FAILED : WebhookDeliveryStatus.PENDING, code, error,
      new Date(Date.now() + WebhookRelay.backoff(attempts, this.o.baseDelayMs, this.o.maxDelayMs)), d.id, WebhookDeliveryStatus.PENDING,
    ]);
    if (last) this.opts.logger.warn({ deliveryId: d.id, attempts, error }, 'webhook delivery failed for good');
    return true;
  }

  /** Deletes the DELIVERED and FAILED deliveries past the retention period; returns how many. */
  async prune(now = new Date()): Promise<number> {
    const n = await pruneDeliveries(this.opts.ds, new Date(now.getTime() - this.o.retentionDays * 86_400_000));
    if (n) this.opts.logger.info({ pruned: n, retentionDays: this.o.retentionDays }, 'webhook deliveries pruned');
    return n;
  }

  private async run(): Promise<void> {
    let failures = 0;
    let nextPrune = 0;
    while (this.running) {
      if (Date.now() >= nextPrune) {
        nextPrune = Date.now() + this.o.pruneEveryMs;
        await this.prune().catch((e: Error) => this.opts.logger.warn({ err: e.message }, 'webhook relay: could not prune old deliveries'));
      }
      let started = 0;
      try {
        // The POSTs run on; the next pass (a poll later) starts what has fallen due meanwhile.
        started = (await this.startDue()).length;
        failures = 0;
      } catch (e) {
        failures += 1;
        if (failures === 1 || failures % 50 === 0) this.opts.logger.warn({ err: (e as Error).message, failures }, 'webhook relay: could not read the deliveries');
      }
      if (started > 0 && this.tracked.size < this.o.maxInFlight) continue;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.o.pollMs);
        this.wake = () => { clearTimeout(t); resolve(); };
      });
      this.wake = undefined;
    }
  }
}

