// Use records and periodic risk reports of an approved conditional applicant (003 §16, §25), and the publisher's
// suspension of its access when a report is missing past its due date (003 §35). Resolvers call these.
import { randomUUID } from 'node:crypto';
import { ConflictError, ForbiddenError, isDuplicateKey, type AuditEntry, type User } from '@gov/kit';
import { isOfficialCalendar, workingDayDeadline } from '@gov/working-days';
import type { DataSource, EntityManager } from 'typeorm';
import { OpenDataApplication, OpenDataApplicationStatus } from '../entities/open-data-application';
import { OpenDataUseReport, OpenDataUseReportKind } from '../entities/open-data-use-report';
import { applicationOrFail } from './applications';
import { accessNotice } from './notices';

type Audit = (e: AuditEntry, m?: EntityManager) => Promise<void>;

export interface RiskReportDue { due: Date; official: boolean; overdue: boolean }

/** The next risk report falls due `workingDays` working days after the approval or the latest report (003 §25). */
export function riskReportDue(
  a: Pick<OpenDataApplication, 'status' | 'decidedAt' | 'lastRiskReportAt'>, workingDays: number, now = new Date(),
): RiskReportDue | null {
  if (a.status !== OpenDataApplicationStatus.APPROVED || !a.decidedAt) return null;
  const due = workingDayDeadline(a.lastRiskReportAt ?? a.decidedAt, workingDays);
  return { due, official: isOfficialCalendar(due), overdue: now.getTime() > due.getTime() };
}

export type UseReportFields =
  | { kind: OpenDataUseReportKind.USE; purpose: string; outputs: string; quantity?: number | null }
  | { kind: OpenDataUseReportKind.RISK; dataKinds: string; quantity: number; processing: string; risks: string; measures: string };

/** The applicant files a report on its own approved application; a retry with the same key returns the first one. */
export async function fileUseReport(
  ds: DataSource, user: User, applicationId: string, idempotencyKey: string, fields: UseReportFields, audit: Audit,
): Promise<OpenDataUseReport> {
  const a = await applicationOrFail(ds, applicationId);
  if (a.applicantSub !== user.sub) throw new ForbiddenError('only the applicant reports on its use of the data (003 §16, §25)');
  const repo = ds.getRepository(OpenDataUseReport);
  const retried = async (r: OpenDataUseReport) => {
    await audit({ action: 'UPDATE', resourceId: a.datasetId, detail: `open data ${r.kind} report ${r.id}: retry, nothing changed` });
    return r;
  };
  const earlier = await repo.findOneBy({ applicantSub: user.sub, idempotencyKey });
  if (earlier) return retried(earlier);
  if (a.status !== OpenDataApplicationStatus.APPROVED) throw new ConflictError(`application ${a.id} is ${a.status}: only approved access is reported on`);
  const id = randomUUID();
  const row = {
    id, applicationId: a.id, datasetId: a.datasetId, publisherDepartmentId: a.publisherDepartmentId, regionCode: a.regionCode,
    applicantSub: user.sub, applicant: user.username, kind: fields.kind, idempotencyKey,
    purpose: null, outputs: null, dataKinds: null, quantity: null, processing: null, risks: null, measures: null,
    ...Object.fromEntries(Object.entries(fields).filter(([k]) => k !== 'kind')),
  };
  try {
    await ds.transaction(async (m) => {
      await m.getRepository(OpenDataUseReport).insert(row);
      // The next risk report falls due from this one.
      if (fields.kind === OpenDataUseReportKind.RISK) await m.getRepository(OpenDataApplication).update({ id: a.id }, { lastRiskReportAt: new Date() });
      await audit({ action: 'UPDATE', resourceId: a.datasetId, detail: `open data application ${a.id}: ${fields.kind} report ${id} filed` }, m);
    });
  } catch (e) {
    if (isDuplicateKey(e)) return retried(await repo.findOneByOrFail({ applicantSub: user.sub, idempotencyKey }));
    throw e;
  }
  return repo.findOneByOrFail({ id });
}

function assertPublisher(user: User, a: OpenDataApplication): void {
  if (user.department !== a.publisherDepartmentId) throw new ForbiddenError('only the publisher department manages access to its data (003 §35)');
}

/** 003 §35: the publisher requires rectification and suspends the access — allowed once a risk report is overdue. */
export async function suspendAccess(
  ds: DataSource, user: User, applicationId: string, reason: string, workingDays: number, audit: Audit,
): Promise<OpenDataApplication> {
  const a = await applicationOrFail(ds, applicationId);
  assertPublisher(user, a);
  if (a.accessSuspendedAt) {
    await audit({ action: 'UPDATE', resourceId: a.datasetId, detail: `open data application ${a.id}: access already suspended, nothing changed` });
    return a;
  }
  const due = riskReportDue(a, workingDays);
  if (!due) throw new ConflictError(`application ${a.id} is ${a.status}: there is no access to suspend`);
  if (!due.overdue) {
    throw new ConflictError(`the next risk report is due by ${due.due.toISOString()} (${due.official ? 'official' : 'provisional'} calendar): not overdue yet (003 §25, §35)`);
  }
  await ds.transaction(async (m) => {
    const r = await m.getRepository(OpenDataApplication).createQueryBuilder().update()
      .set({ accessSuspendedAt: new Date(), accessSuspendedBy: user.username, accessSuspensionReason: reason })
      .where('id = :id AND access_suspended_at IS NULL', { id: a.id }).execute();
    await audit({
      action: 'UPDATE', resourceId: a.datasetId,
      detail: r.affected ? `open data application ${a.id}: access suspended, risk report overdue since ${due.due.toISOString()} (003 §35)` : `open data application ${a.id}: access already suspended`,
      notify: r.affected ? accessNotice(a, true, reason) : null,
    }, m);
  });
  return applicationOrFail(ds, a.id);
}

/** The publisher restores the access once the applicant has rectified: a risk report filed after the suspension. */
export async function restoreAccess(ds: DataSource, user: User, applicationId: string, audit: Audit): Promise<OpenDataApplication> {
  const a = await applicationOrFail(ds, applicationId);
  assertPublisher(user, a);
  if (!a.accessSuspendedAt) {
    await audit({ action: 'UPDATE', resourceId: a.datasetId, detail: `open data application ${a.id}: access not suspended, nothing changed` });
    return a;
  }
  if (!a.lastRiskReportAt || a.lastRiskReportAt <= a.accessSuspendedAt) {
    throw new ConflictError('no risk report has been filed since the suspension: the rectification is not reported yet (003 §35)');
  }
  await ds.transaction(async (m) => {
    const r = await m.getRepository(OpenDataApplication).createQueryBuilder().update()
      .set({ accessSuspendedAt: null, accessSuspendedBy: null, accessSuspensionReason: null })
      .where('id = :id AND access_suspended_at IS NOT NULL', { id: a.id }).execute();
    await audit({
      action: 'UPDATE', resourceId: a.datasetId, detail: `open data application ${a.id}: access restored after rectification (003 §35)`,
      notify: r.affected ? accessNotice(a, false, null) : null,
    }, m);
  });
  return applicationOrFail(ds, a.id);
}
