// Complaints (003 §17) and feedback (003 §24): filing, the immediate suspension, and the publisher's answer.
import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError, NotFoundError, isDuplicateKey, type AuditEntry, type User } from '@gov/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { OpenDatasetStatus } from '../entities/enums';
import { COMPLAINT_CATEGORIES, OpenDataCase, OpenDataCaseOutcome, OpenDataCaseStatus, OpenDataCaseType } from '../entities/open-data-case';
import { OpenDataset } from '../entities/open-dataset';

type Audit = (e: AuditEntry, m?: EntityManager) => Promise<void>;

export interface CaseFiling {
  type: OpenDataCaseType; datasetId: string; category: OpenDataCase['category']; description: string; evidence: string[]; idempotencyKey: string;
}

export function checkCategory(type: OpenDataCaseType, category: OpenDataCase['category']): void {
  const complaint = COMPLAINT_CATEGORIES.includes(category);
  if ((type === OpenDataCaseType.COMPLAINT) !== complaint) {
    throw BadUserInputError.field('category', type === OpenDataCaseType.COMPLAINT ? 'a complaint is about PRIVACY or TRADE_SECRET (003 §17)' : 'feedback is about attributes, quality, errors or content (003 §24)');
  }
}

export async function fileCase(ds: DataSource, user: User, f: CaseFiling, audit: Audit): Promise<{ c: OpenDataCase; created: boolean }> {
  checkCategory(f.type, f.category);
  const repo = ds.getRepository(OpenDataCase);
  const existing = await repo.findOneBy({ submitterSub: user.sub, idempotencyKey: f.idempotencyKey });
  const retried = async (c: OpenDataCase) => {
    await audit({ action: 'UPDATE', resourceId: c.datasetId, detail: `open data ${c.type.toLowerCase()} ${c.id}: retry, nothing changed` });
    return { c, created: false };
  };
  if (existing) return retried(existing);
  const d = await ds.getRepository(OpenDataset).findOneBy({ id: f.datasetId });
  if (!d || d.status === OpenDatasetStatus.DRAFT) throw BadUserInputError.field('datasetId', 'no such open dataset');
  const id = randomUUID();
  try {
    await ds.transaction(async (m) => {
      await m.getRepository(OpenDataCase).insert({
        id, type: f.type, category: f.category, datasetId: d.id, publisherDepartmentId: d.publisherDepartmentId, regionCode: d.regionCode,
        submitterSub: user.sub, submitter: user.username, description: f.description, evidence: f.evidence, status: OpenDataCaseStatus.OPEN,
        answerDeadline: null, overdue: false, suspendedAt: null, outcome: null, answer: null, answeredBy: null, answeredAt: null, qualityIssueId: null,
        idempotencyKey: f.idempotencyKey,
      });
      await audit({ action: 'UPDATE', resourceId: d.resourceId ?? d.id, detail: `open data ${f.type.toLowerCase()} ${id} (${f.category}) on dataset ${d.id}` }, m);
    });
  } catch (e) {
    if (isDuplicateKey(e)) return retried(await repo.findOneByOrFail({ submitterSub: user.sub, idempotencyKey: f.idempotencyKey }));
    throw e;
  }
  return { c: await repo.findOneByOrFail({ id }), created: true };
}

export async function caseOrFail(ds: DataSource | EntityManager, id: string): Promise<OpenDataCase> {
  const c = await ds.getRepository(OpenDataCase).findOneBy({ id });
  if (!c) throw new NotFoundError('OpenDataCase', id);
  return c;
}

/** 003 §17: on a complaint the publisher takes the dataset down at once — downloads and the API stop with the commit. */
export async function suspendOnComplaint(ds: DataSource, c: OpenDataCase, audit: Audit): Promise<OpenDataCase> {
  if (c.type !== OpenDataCaseType.COMPLAINT) throw new ConflictError('only a complaint suspends a dataset (003 §17)');
  if (c.status !== OpenDataCaseStatus.OPEN) throw new ConflictError('the complaint is already answered');
  return ds.transaction(async (m) => {
    const d = await m.getRepository(OpenDataset).findOne({ where: { id: c.datasetId }, lock: { mode: 'pessimistic_write' } });
    if (!d) throw new NotFoundError('OpenDataset', c.datasetId);
    if (d.status === OpenDatasetStatus.PUBLISHED) await m.getRepository(OpenDataset).update({ id: d.id }, { status: OpenDatasetStatus.SUSPENDED });
    if (!c.suspendedAt) await m.getRepository(OpenDataCase).update({ id: c.id }, { suspendedAt: new Date() });
    await audit({ action: 'UPDATE', resourceId: d.resourceId ?? d.id, detail: `open dataset ${d.id} suspended on complaint ${c.id} (003 §17)` }, m);
    return caseOrFail(m, c.id);
  });
}

/** The answer: a complaint's outcome decides the dataset (terminate / restore / restore after processing). */
export async function answerCase(
  ds: DataSource, c: OpenDataCase, by: string, answer: string, outcome: OpenDataCaseOutcome | null, audit: Audit,
): Promise<{ c: OpenDataCase; changed: boolean }> {
  if (c.type === OpenDataCaseType.COMPLAINT && !outcome) throw BadUserInputError.field('outcome', 'a complaint is answered with TERMINATE, RESTORE or RESTORE_AFTER_PROCESSING (003 §17)');
  if (c.type === OpenDataCaseType.FEEDBACK && outcome) throw BadUserInputError.field('outcome', 'feedback takes no outcome');
  const unchanged = async (m?: EntityManager) => {
    await audit({ action: 'UPDATE', resourceId: c.datasetId, detail: `open data ${c.type.toLowerCase()} ${c.id} already answered: nothing changed` }, m);
    return { c: await caseOrFail(m ?? ds, c.id), changed: false };
  };
  if (c.status === OpenDataCaseStatus.ANSWERED) return unchanged(); // a retried answer
  return ds.transaction(async (m) => {
    const r = await m.getRepository(OpenDataCase).createQueryBuilder().update()
      .set({ status: OpenDataCaseStatus.ANSWERED, answer, outcome, answeredBy: by, answeredAt: new Date() })
      .where('id = :id AND status = :open', { id: c.id, open: OpenDataCaseStatus.OPEN }).execute();
    if (!r.affected) return unchanged(m);
    if (outcome) {
      const d = await m.getRepository(OpenDataset).findOne({ where: { id: c.datasetId }, lock: { mode: 'pessimistic_write' } });
      // Only a dataset this complaint took down comes back up; TERMINATE withdraws it whatever its state.
      if (d && outcome === OpenDataCaseOutcome.TERMINATE) await m.getRepository(OpenDataset).update({ id: d.id }, { status: OpenDatasetStatus.WITHDRAWN });
      else if (d && d.status === OpenDatasetStatus.SUSPENDED && c.suspendedAt) await m.getRepository(OpenDataset).update({ id: d.id }, { status: OpenDatasetStatus.PUBLISHED });
    }
    await audit({ action: 'UPDATE', resourceId: c.datasetId, detail: `open data ${c.type.toLowerCase()} ${c.id} answered${outcome ? `: ${outcome}` : ''}`,
      done: { type: 'OPEN_DATA_CASE_ANSWER', id: c.id, stage: c.type, title: `${c.type === 'COMPLAINT' ? '投诉' : '意见反馈'}：${c.category}`, departmentId: c.publisherDepartmentId, regionCode: c.regionCode, outcome: outcome ?? 'ANSWERED' } }, m);
    return { c: await caseOrFail(m, c.id), changed: true };
  });
}
