// Sharing's own facts for the assessment of a provider department in a period (000 §17, §28; 004 §34): computed from
// sharing's applications only, each with the evidence (application ids). Assessment reads them through the
// service-only query.
import type { EntityManager } from 'typeorm';
import { ShareApplicationStatus } from '../entities/enums';
import { ShareApplication } from '../entities/share-application';

export interface IndicatorFact { key: string; numerator: number; denominator: number; value: number | null; evidence: string[] }

const rate = (key: string, numerator: number, denominator: number, evidence: string[]): IndicatorFact =>
  ({ key, numerator, denominator, value: denominator ? numerator / denominator : null, evidence: evidence.slice(0, 50) });

/** [from, to] are inclusive days; the end is the start of the day after `to`. */
function dayRange(from: string, to: string): { start: Date; end: Date } {
  const end = new Date(`${to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { start: new Date(`${from}T00:00:00Z`), end };
}

export async function sharingIndicators(m: EntityManager, departmentId: string, from: string, to: string): Promise<IndicatorFact[]> {
  const { start, end } = dayRange(from, to);
  // Applications addressed to the department as provider, submitted in the period.
  const apps = await m.getRepository(ShareApplication).createQueryBuilder('a')
    .select(['a.id', 'a.status', 'a.overdue', 'a.escalatedAt', 'a.decisionReason', 'a.consumerDepartmentId'])
    .where('a.providerDepartmentId = :d AND a.submittedAt >= :start AND a.submittedAt < :end', { d: departmentId, start, end })
    .orderBy('a.submittedAt', 'ASC').getMany();
  const overdue = apps.filter((a) => a.overdue);
  const rejected = apps.filter((a) => a.status === ShareApplicationStatus.REJECTED);
  const bare = rejected.filter((a) => !a.decisionReason?.trim());
  const escalated = apps.filter((a) => a.escalatedAt !== null);
  return [
    rate('sharing.answeredOnTime', apps.length - overdue.length, apps.length, overdue.map((a) => `application ${a.id} of ${a.consumerDepartmentId} went past its step's limit`)),
    rate('sharing.refusalsWithReason', rejected.length - bare.length, rejected.length, bare.map((a) => `application ${a.id} refused without a reason`)),
    { key: 'sharing.escalations', numerator: escalated.length, denominator: apps.length, value: escalated.length, evidence: escalated.slice(0, 50).map((a) => `application ${a.id} escalated to the authority`) },
  ];
}
