// Sharing's own facts for the assessment of provider departments in a period (000 §17, §28; 004 §34): computed from
// sharing's applications only, each with the evidence (application ids). Assessment reads them through the
// service-only query, for every department of a region at once.
import { STAGE_WORKING_DAYS } from '@gov/workflows';
import { chinaDate, workingDayDeadline } from '@gov/working-days';
import type { EntityManager } from 'typeorm';
import { ApprovalStage, ShareApplicationStatus } from '../entities/enums';
import { ShareApplication } from '../entities/share-application';

export interface IndicatorFact { departmentId: string; key: string; numerator: number; denominator: number; value: number | null; evidence: string[] }

/** [from, to] are inclusive days; the end is the start of the day after `to`. */
function dayRange(from: string, to: string): { start: Date; end: Date } {
  const end = new Date(`${to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { start: new Date(`${from}T00:00:00Z`), end };
}

type Decision = NonNullable<ShareApplication['decisions']>[number];
const decisionAt = (a: ShareApplication, stage: string): Decision | undefined => (a.decisions ?? []).find((d) => d.stage === stage && d.approve);

/** Delivery (000 §17: 1 working day after filing): delivered in time, delivered late, or still open past its limit. */
export function deliveryOf(a: ShareApplication, now = new Date()): 'none' | 'onTime' | 'late' {
  const filed = decisionAt(a, ApprovalStage.FILING);
  if (!filed) return 'none';
  const due = workingDayDeadline(new Date(filed.at), STAGE_WORKING_DAYS[ApprovalStage.DELIVERY]);
  const delivered = decisionAt(a, ApprovalStage.DELIVERY);
  if (delivered) return new Date(delivered.at) <= due ? 'onTime' : 'late';
  return a.stage === ApprovalStage.DELIVERY && now > due ? 'late' : 'none';
}

function factsOf(departmentId: string, apps: ShareApplication[]): IndicatorFact[] {
  const fact = (key: string, numerator: number, denominator: number, evidence: string[]): IndicatorFact =>
    ({ departmentId, key, numerator, denominator, value: denominator ? numerator / denominator : null, evidence: evidence.slice(0, 50) });
  const overdue = apps.filter((a) => a.overdue || (a.overdueStages?.length ?? 0) > 0); // any step late, not only the open one
  const rejected = apps.filter((a) => a.status === ShareApplicationStatus.REJECTED);
  const bare = rejected.filter((a) => !a.decisionReason?.trim());
  const escalated = apps.filter((a) => a.escalatedAt !== null);
  const deliveries = apps.map((a) => [a, deliveryOf(a)] as const).filter(([, d]) => d !== 'none');
  const lateDeliveries = deliveries.filter(([, d]) => d === 'late').map(([a]) => a);
  return [
    fact('sharing.answeredOnTime', apps.length - overdue.length, apps.length, overdue.map((a) => `application ${a.id} of ${a.consumerDepartmentId} went past its step's limit`)),
    fact('sharing.refusalsWithReason', rejected.length - bare.length, rejected.length, bare.map((a) => `application ${a.id} refused without a reason`)),
    fact('sharing.deliveredOnTime', deliveries.length - lateDeliveries.length, deliveries.length,
      lateDeliveries.map((a) => `application ${a.id} of ${a.consumerDepartmentId} not delivered within 1 working day of filing (filed ${chinaDate(new Date(decisionAt(a, ApprovalStage.FILING)!.at))})`)),
    { departmentId, key: 'sharing.escalations', numerator: escalated.length, denominator: apps.length, value: escalated.length, evidence: escalated.slice(0, 50).map((a) => `application ${a.id} escalated to the authority`) },
  ];
}

/** The facts of each department (as provider) over the applications submitted in the period. */
export async function sharingIndicators(m: EntityManager, departmentIds: string[], from: string, to: string): Promise<IndicatorFact[]> {
  if (!departmentIds.length) return [];
  const { start, end } = dayRange(from, to);
  const apps = await m.getRepository(ShareApplication).createQueryBuilder('a')
    .select(['a.id', 'a.status', 'a.stage', 'a.overdue', 'a.overdueStages', 'a.escalatedAt', 'a.decisionReason', 'a.decisions', 'a.consumerDepartmentId', 'a.providerDepartmentId'])
    .where('a.providerDepartmentId IN (:...d) AND a.submittedAt >= :start AND a.submittedAt < :end', { d: departmentIds, start, end })
    .orderBy('a.submittedAt', 'ASC').getMany();
  return departmentIds.flatMap((d) => factsOf(d, apps.filter((a) => a.providerDepartmentId === d)));
}
