// Objections (异议, 000 §26): a citizen or organisation objects → the authority orders the source department to
// suspend collection, sharing and opening of the data at once → the department verifies and withdraws, fixes or
// restores → the objector is answered. Every step is a conditional transition written with its audit record.
import { randomUUID } from 'node:crypto';
import { ConflictError, ForbiddenError, NotFoundError, type AuditDone, type AuditEntry } from '@gov/kit';
import { workingDayDeadline } from '@gov/working-days';
import type { DataSource, EntityManager } from 'typeorm';
import { ObjectionDecision, ObjectionGround, ObjectionStatus } from '../entities/enums';
import { Objection } from '../entities/objection';
import type { CatalogResource } from './catalog';
import { deadlineFields } from './issues';

// The seeds say "立即" for the suspension (done in the same step as the order) and "及时" for the verification, which
// defaults to 5 working days (the longest limit 000/004 give a department for a data question), configurable.

type Audit = (entry: AuditEntry, m: EntityManager) => Promise<void>;

export async function fileObjection(ds: DataSource, resource: CatalogResource, input: { objectorName: string; ground: ObjectionGround; description: string }, by: { username: string; sub: string; onPaper: boolean }, audit: Audit): Promise<Objection> {
  return ds.transaction(async (m) => {
    const id = randomUUID();
    await m.getRepository(Objection).insert({
      id, resourceId: resource.id, departmentId: resource.departmentId, regionCode: resource.regionCode, objectorName: input.objectorName.trim(),
      ground: input.ground, description: input.description.trim(), onPaper: by.onPaper, status: ObjectionStatus.RECEIVED, suspended: false,
      suspendedAt: null, verifyDeadline: null, verifyDeadlineDay: null, verifyDeadlineOfficial: null, decision: null, finding: null, decidedAt: null,
      answer: null, answeredAt: null, filedBySub: by.sub.slice(0, 64), createdBy: by.username.slice(0, 64),
    });
    await audit({ action: 'COLLECT', resourceId: resource.id, detail: `objection ${id} filed (${input.ground})` }, m);
    return m.getRepository(Objection).findOneByOrFail({ id });
  });
}

const DONE_TYPE: Partial<Record<ObjectionStatus, string>> = {
  [ObjectionStatus.SUSPENDED]: 'OBJECTION_SUSPEND', [ObjectionStatus.DECIDED]: 'OBJECTION_DECIDE', [ObjectionStatus.ANSWERED]: 'OBJECTION_ANSWER',
};

/** The to-do item (待办 → 已办) a step completes: the one of the status it leaves. */
function objectionDone(o: Objection, to: ObjectionStatus): AuditDone | null {
  const type = DONE_TYPE[to];
  return type ? { type, id: o.id, stage: o.status, title: `数据异议：${o.description.slice(0, 60)}`, departmentId: o.departmentId, regionCode: o.regionCode, outcome: to } : null;
}

/** Moves an objection from `from` under a row lock; `check` authorises against the locked row; a repeat is harmless. */
export async function transition(ds: DataSource, id: string, from: ObjectionStatus, to: ObjectionStatus, check: (o: Objection) => void,
  change: (o: Objection) => Partial<Objection>, audit: Audit, detail: string): Promise<Objection> {
  return ds.transaction(async (m) => {
    const repo = m.getRepository(Objection);
    const o = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!o) throw new NotFoundError('Objection', id);
    check(o);
    if (o.status === to) { // a repeat: nothing changes, the call is still recorded
      await audit({ action: 'UPDATE', resourceId: o.resourceId, detail: `objection ${id} already ${to}` }, m);
      return o;
    }
    if (o.status !== from) throw new ConflictError(`a ${o.status} objection cannot move to ${to}`);
    await repo.update({ id }, { status: to, ...change(o) });
    await audit({ action: 'UPDATE', resourceId: o.resourceId, detail: `objection ${id} ${detail}`, done: objectionDone(o, to) }, m);
    return repo.findOneByOrFail({ id });
  });
}

export function suspendChange(verifyWorkingDays: number, now = new Date()): Partial<Objection> {
  const d = deadlineFields(workingDayDeadline(now, verifyWorkingDays));
  return { suspended: true, suspendedAt: now, verifyDeadline: d.deadline, verifyDeadlineDay: d.deadlineDay, verifyDeadlineOfficial: d.deadlineOfficial };
}

/** WITHDRAW keeps the data out of sharing and opening; FIX and RESTORE lift the suspension. */
export function decisionChange(decision: ObjectionDecision, finding: string): Partial<Objection> {
  return { decision, finding: finding.trim(), decidedAt: new Date(), suspended: decision === ObjectionDecision.WITHDRAW };
}

export function requireOwner(user: { department: string | null }, o: Objection): void {
  if (user.department !== o.departmentId) throw new ForbiddenError('only the source department verifies and decides on its data');
}

/** The objection holding a resource suspended, if any (sharing and open-data ask before delivering). */
export async function suspensionOf(ds: DataSource, resourceId: string): Promise<Objection | null> {
  return ds.getRepository(Objection).findOne({ where: { resourceId, suspended: true }, order: { suspendedAt: 'ASC' } });
}
