// The transactional audit outbox (004 §33, issue 9 §5). Every record is first written to the service's OWN database:
// a write's record in the write's transaction (no write without its record, no record without its write), a read's
// record before the data leaves (no audit record, no data). A relay then ships the rows, in order and in batches, to
// security's SM3 chain; record ids are chosen here, so a batch resent after a lost answer is chained once.
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_NOTICE_KINDS, type AuditActor, type AuditDone, type AuditEntry, type AuditNotice } from './audit';
import { AuditUnavailableError } from './errors';
import type { Logger } from './logger';
import { regionOfDepartment } from './roles';

/** What security chains: one record as the source saw it (`occurredAt` = when the operation happened). */
export interface OutboxRecord {
  id: string; actor: string; actorSub: string; departmentId: string | null; regionCode: string | null;
  action: string; resourceId: string | null; grantId: string | null; scenario: string | null; items: string[];
  outcome: string; detail: string | null; source: string; requestId: string; occurredAt: string;
  /** Optional: the notification security derives from the record (kept off the chain's hash). */
  notify?: AuditNotice | null;
  /** Optional: the to-do item the operation completed (已办; kept off the chain's hash). */
  done?: AuditDone | null;
}

/** Creates the outbox table; kit adds it to every service's migrations (dataSourceFor). */
export class AuditOutbox1764400000000 implements MigrationInterface {
  name = 'AuditOutbox1764400000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS audit_outbox (
      seq BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      id CHAR(36) NOT NULL,
      record LONGTEXT NOT NULL,
      created_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_audit_outbox_id (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_outbox');
  }
}

const clip = (s: string | null | undefined, n: number): string | null => (s === null || s === undefined ? null : s.slice(0, n));

/**
 * The record for `entry`, shaped so security accepts it (the same limits as its append input): a record security
 * would refuse must fail the operation now, not block the relay later.
 */
export function outboxRecord(actor: AuditActor, requestId: string, entry: AuditEntry, source: string, at = new Date(), id: string = randomUUID()): OutboxRecord {
  const department = actor.department && /^\d{6}-[A-Za-z0-9_]{1,33}$/.test(actor.department) ? actor.department : null;
  const region = actor.region && /^\d{6}$/.test(actor.region) ? actor.region : null;
  if (department && regionOfDepartment(department) !== region) {
    throw new AuditUnavailableError(`the actor's department ${department} is not of its region ${region ?? '(none)'}`);
  }
  return {
    id,
    actor: actor.username.slice(0, 64) || 'unknown', actorSub: actor.sub.slice(0, 64) || 'unknown',
    departmentId: department, regionCode: region,
    action: entry.action, resourceId: clip(entry.resourceId, 64), grantId: clip(entry.grantId, 64),
    scenario: clip(entry.scenario, 500), items: [...new Set((entry.items ?? []).map((i) => i.slice(0, 128)).filter(Boolean))].slice(0, 500),
    outcome: entry.outcome ?? 'SUCCESS', detail: clip(entry.detail, 1000), source: source.slice(0, 32),
    requestId: requestId.slice(0, 64) || randomUUID(), occurredAt: at.toISOString(),
    ...(entry.notify ? { notify: noticeOf(entry.notify) } : {}),
    ...(entry.done && doneOf(entry.done) ? { done: doneOf(entry.done) } : {}),
  };
}

const DEPT_RE = /^\d{6}-[A-Za-z0-9_]{1,33}$/;
const REGION_RE = /^\d{6}$/;

/** The notice as security accepts it (its input's limits): a notice it would refuse fails the operation now. */
function noticeOf(n: AuditNotice): AuditNotice {
  const bad = !(AUDIT_NOTICE_KINDS as readonly string[]).includes(n.kind) || !/^[A-Za-z]{1,40}$/.test(n.subjectType) || !n.title || !n.subjectId
    || !n.recipients.length || n.recipients.length > 20
    || n.recipients.some((r) => (r.departmentId && !DEPT_RE.test(r.departmentId)) || (r.regionCode && !REGION_RE.test(r.regionCode))
      || (r.username !== undefined && r.username !== null && (r.username.length < 1 || r.username.length > 64))
      || (r.role !== undefined && r.role !== null && (r.role.length < 1 || r.role.length > 32)));
  if (bad) throw new AuditUnavailableError(`the notice of this record would be refused by security (${n.kind} ${n.subjectType})`);
  return { ...n, title: n.title.slice(0, 200), subjectId: n.subjectId.slice(0, 64), link: clip(n.link, 300) };
}

/**
 * The done item as security accepts it (its input's limits). One it would refuse is left off the record — the history
 * misses an item — rather than failing the operation or blocking the relay: the record itself is what must not be lost.
 */
export function doneOf(d: AuditDone): AuditDone | null {
  if (!/^[A-Z][A-Z0-9_]{0,39}$/.test(d.type) || !d.id || !d.title || !DEPT_RE.test(d.departmentId) || !REGION_RE.test(d.regionCode)) return null;
  return {
    type: d.type, id: d.id.slice(0, 64), stage: clip(d.stage, 40), title: d.title.slice(0, 200), departmentId: d.departmentId,
    regionCode: d.regionCode, outcome: clip(d.outcome, 40),
  };
}

/** Ships a batch to the chain; resolves only once every record of it is chained (or was already). */
export type AuditShipper = (records: OutboxRecord[]) => Promise<void>;

export interface AuditOutboxOptions {
  ds: DataSource;
  source: string;
  ship: AuditShipper;
  logger: Logger;
  /** Idle poll interval; a local insert also wakes the relay at once. Default 250 ms. */
  pollMs?: number;
  batchSize?: number;
}

export interface OutboxStats { shipped: number; backlog: number; lastError: string | null; oldestPendingAt: Date | null }

export class AuditOutbox {
  private readonly pollMs: number;
  private readonly batchSize: number;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private kicked = false;
  private failures = 0;
  readonly stats: OutboxStats = { shipped: 0, backlog: 0, lastError: null, oldestPendingAt: null };

  constructor(private readonly opts: AuditOutboxOptions) {
    this.pollMs = opts.pollMs ?? 250;
    this.batchSize = opts.batchSize ?? 500;
  }

  get source(): string { return this.opts.source; }

  /**
   * Writes one record. With `manager` (a write's transaction) it commits or rolls back with the write; without, it is
   * committed before this resolves. Throws AuditUnavailableError if it cannot be written: the caller releases nothing.
   */
  async record(actor: AuditActor, requestId: string, entry: AuditEntry, manager?: EntityManager, recordId?: string): Promise<string> {
    const rec = outboxRecord(actor, requestId, entry, this.opts.source, new Date(), recordId);
    try {
      // A caller-chosen id (a once-only record) written again is the same record: kept once here, chained once by security.
      await (manager ?? this.opts.ds.manager).query(`INSERT ${recordId ? 'IGNORE ' : ''}INTO audit_outbox (id, record, created_at) VALUES (?, ?, ?)`, [
        rec.id, JSON.stringify(rec), new Date(rec.occurredAt),
      ]);
    } catch (e) {
      throw new AuditUnavailableError(`the audit outbox could not be written (${(e as { code?: string }).code ?? (e as Error).message.slice(0, 80)})`);
    }
    // Inside a transaction the row is visible only after commit: the relay's next poll finds it.
    if (manager) setTimeout(() => this.kick(), 5).unref(); else this.kick();
    return rec.id;
  }

  /** Records written and not yet confirmed by the chain, and the oldest one's time. */
  async pending(): Promise<{ pending: number; oldestPendingAt: string | null }> {
    const [row] = await this.opts.ds.query('SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM audit_outbox') as Array<{ n: string | number; oldest: Date | null }>;
    return { pending: Number(row.n), oldestPendingAt: row.oldest ? new Date(row.oldest).toISOString() : null };
  }

  kick(): void {
    this.kicked = true;
    this.wake?.();
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
  }

  /** Ships until the outbox is empty (tests, shutdown); throws if a batch cannot be shipped. */
  async drain(): Promise<void> {
    while (await this.shipOnce() > 0) { /* next batch */ }
  }

  /** One batch: the oldest rows in order; deleted only after security confirmed them. Returns how many were shipped. */
  async shipOnce(): Promise<number> {
    const rows: Array<{ seq: string; record: string }> = await this.opts.ds.query(
      'SELECT seq, record FROM audit_outbox ORDER BY seq LIMIT ?', [this.batchSize]);
    if (!rows.length) { this.stats.backlog = 0; this.stats.oldestPendingAt = null; return 0; }
    const records = rows.map((r) => JSON.parse(r.record) as OutboxRecord);
    this.stats.oldestPendingAt = new Date(records[0].occurredAt);
    await this.opts.ship(records);
    await this.opts.ds.query(`DELETE FROM audit_outbox WHERE seq IN (${rows.map(() => '?').join(',')})`, rows.map((r) => r.seq));
    this.stats.shipped += rows.length;
    return rows.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let shipped = 0;
      try {
        shipped = await this.shipOnce();
        if (this.failures) this.opts.logger.info({ after: this.failures }, 'audit relay: security reachable again, outbox draining');
        this.failures = 0;
        this.stats.lastError = null;
      } catch (e) {
        this.failures += 1;
        this.stats.lastError = (e as Error).message.slice(0, 300);
        if (this.failures === 1 || this.failures % 50 === 0) {
          this.opts.logger.warn({ err: this.stats.lastError, failures: this.failures }, 'audit relay: could not ship the outbox; records stay queued');
        }
      }
      if (shipped === this.batchSize) continue; // more waiting
      const delay = this.failures ? Math.min(5000, 200 * 2 ** Math.min(this.failures, 5)) : this.pollMs;
      if (!this.kicked || this.failures) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, delay);
          this.wake = () => { clearTimeout(t); resolve(); };
        });
      }
      this.wake = undefined;
      this.kicked = false;
    }
  }
}

let processOutbox: AuditOutbox | undefined;

/** runService registers the process's outbox so `auditAs` outside a request (activities, HTTP routes) uses it. */
export function setProcessOutbox(outbox: AuditOutbox | undefined): void {
  processOutbox = outbox;
}
export function getProcessOutbox(): AuditOutbox | undefined {
  return processOutbox;
}
