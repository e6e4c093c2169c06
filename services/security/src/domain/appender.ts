// Group commit for the audit chain: appends that arrive while a batch is being written wait for the next batch, and a
// batch is ONE transaction (one head-row lock, one commit/fsync) however many records it links. Every caller's promise
// settles only after its batch committed, so "appended" still means "durable in the chain". Across replicas the head
// row lock keeps serialising batches, so the chain never forks.
import { randomUUID } from 'node:crypto';
import type { AuditDone, AuditNotice } from '@gov/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { auditHash, type AuditFields } from './chain';
import { AuditChainHead, AuditRecord } from '../entities/audit-record';
import type { AuditAction, AuditOutcome } from '../entities/enums';
import { insertNotices } from './notifications';
import { insertDone, type DoneRow } from './done-tasks';

export type AppendRequest = Omit<AuditFields, 'id' | 'seq' | 'at' | 'action' | 'outcome'> & {
  id?: string | null; action: AuditAction; outcome: AuditOutcome;
  /** Not chained: the notice derived from the record, written in the batch's transaction. */
  notify?: AuditNotice | null;
  /** Not chained: the to-do item the operation completed (已办), written in the batch's transaction. */
  done?: AuditDone | null;
};

interface Pending { req: AppendRequest; resolve(r: AuditRecord): void; reject(e: unknown): void }

export const MAX_BATCH = 200;

async function lockHead(m: EntityManager): Promise<AuditChainHead> {
  const head = await m.getRepository(AuditChainHead).createQueryBuilder('h').setLock('pessimistic_write').where('h.id = 1').getOne();
  if (!head) throw new Error('audit_chain_head has no row: the security migrations did not run');
  return head;
}

/** Links and writes one batch in one transaction; idempotent on caller-chosen ids (an id already chained is returned). */
export async function writeBatch(ds: DataSource, reqs: AppendRequest[]): Promise<AuditRecord[]> {
  return ds.transaction(async (m) => {
    const head = await lockHead(m);
    const repo = m.getRepository(AuditRecord);
    const ids = reqs.map((r) => r.id).filter((x): x is string => !!x);
    const existing = new Map((ids.length ? await repo.findBy({ id: In(ids) }) : []).map((r) => [r.id, r]));
    let seq = head.lastSeq;
    let prev = head.lastHash;
    const fresh: AuditRecord[] = [];
    const notices: Array<{ recordId: string; notice: AuditNotice }> = [];
    const done: DoneRow[] = [];
    const out = reqs.map((req) => {
      const id = req.id ?? randomUUID();
      const known = existing.get(id);
      if (known) return known;
      seq += 1;
      const { notify, done: doneItem, ...chained } = req;
      const fields = { ...chained, id, seq, at: new Date() };
      const hash = auditHash(prev, fields);
      const rec = repo.create({ ...fields, prevHash: prev, hash });
      prev = hash;
      existing.set(id, rec); // the same id twice in one batch is one record
      fresh.push(rec);
      if (notify) notices.push({ recordId: id, notice: notify });
      if (doneItem && req.outcome === 'SUCCESS') {
        done.push({ recordId: id, item: doneItem, doneBy: req.actor, doneByDepartment: req.departmentId ?? null, doneByRegion: req.regionCode ?? null, doneAt: req.occurredAt ?? fields.at });
      }
      return rec;
    });
    if (fresh.length) {
      // One multi-row INSERT with the entity's own column mapping (repo.insert spends more CPU building it than MariaDB
      // spends writing it: a relay batch of 500 is one statement either way).
      const cols = repo.metadata.columns;
      const driver = m.connection.driver;
      await m.query(`INSERT INTO audit_record (${cols.map((c) => `\`${c.databaseName}\``).join(', ')}) VALUES ?`, [
        fresh.map((r) => cols.map((c) => driver.preparePersistentValue(c.getEntityValue(r), c) as unknown)),
      ]);
      await m.getRepository(AuditChainHead).update({ id: 1 }, { lastSeq: seq, lastHash: prev });
      await insertNotices(m, notices);
      await insertDone(m, done);
    }
    return out;
  });
}

export class ChainAppender {
  private queue: Pending[] = [];
  private writing = false;

  constructor(private readonly ds: DataSource) {}

  append(req: AppendRequest): Promise<AuditRecord> {
    return new Promise((resolve, reject) => {
      this.queue.push({ req, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const recs = await writeBatch(this.ds, batch.map((p) => p.req));
          batch.forEach((p, i) => p.resolve(recs[i]));
        } catch (e) {
          batch.forEach((p) => p.reject(e)); // nothing of the batch was committed: each caller fails (and may retry)
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
