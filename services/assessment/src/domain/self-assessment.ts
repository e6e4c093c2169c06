// Self-assessment reports (004 §34): each department reports on the previous year by 31 January; later ones are marked.
import { randomUUID } from 'node:crypto';
import { BadUserInputError, callSubgraphAsService, ConflictError, isDuplicateKey, regionCovers, type AuditEntry } from '@gov/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { SelfAssessmentReport } from '../entities/self-assessment';

/** 31 January of the year after the one reported on (China dates as YYYY-MM-DD compare as strings). */
export const selfAssessmentDue = (year: number): string => `${year + 1}-01-31`;
export const isLateSelfAssessment = (year: number, submittedOn: string): boolean => submittedOn > selfAssessmentDue(year);

/** Only a year already over can be reported on. */
export function checkReportYear(year: number, today: string): void {
  if (year >= Number(today.slice(0, 4))) throw BadUserInputError.field('input.year', `must be a past year (before ${today.slice(0, 4)})`);
}

export async function submitSelfAssessment(
  ds: DataSource, r: { departmentId: string; regionCode: string; year: number; content: string; by: string; today: string },
  audit: (e: AuditEntry, m?: EntityManager) => Promise<void>,
): Promise<SelfAssessmentReport> {
  checkReportYear(r.year, r.today);
  try {
    return await ds.transaction(async (m) => {
      const id = randomUUID();
      const late = isLateSelfAssessment(r.year, r.today);
      await m.getRepository(SelfAssessmentReport).insert({
        id, departmentId: r.departmentId, regionCode: r.regionCode, year: r.year, content: r.content, dueOn: selfAssessmentDue(r.year), submittedOn: r.today, late, submittedBy: r.by,
      });
      await audit({ action: 'UPDATE', resourceId: id, items: ['selfAssessmentReport'], detail: `${r.departmentId} year ${r.year}${late ? ' LATE' : ''}`,
        done: { type: 'SELF_ASSESSMENT', id: String(r.year), title: `${r.year} 年度政务数据工作自评估报告`, departmentId: r.departmentId, regionCode: r.regionCode, outcome: late ? 'LATE' : 'ON_TIME' } }, m);
      return m.getRepository(SelfAssessmentReport).findOneByOrFail({ id });
    });
  } catch (e) {
    if (isDuplicateKey(e)) throw new ConflictError(`${r.departmentId} already submitted its self-assessment of ${r.year}`);
    throw e;
  }
}

export interface MissingSelfAssessment { departmentId: string; departmentName: string; regionCode: string; year: number; dueOn: string; submittedOn: string | null }

/** Departments with no report in by 31 January (never submitted, or submitted late); nothing is missing before the due day has passed. */
export function missingSelfAssessments(
  departments: Array<{ id: string; name: string; regionCode: string }>, reports: Array<Pick<SelfAssessmentReport, 'departmentId' | 'submittedOn'>>, year: number, today: string,
): MissingSelfAssessment[] {
  const dueOn = selfAssessmentDue(year);
  if (today <= dueOn) return [];
  const submitted = new Map(reports.map((r) => [r.departmentId, r.submittedOn]));
  return departments.filter((d) => !submitted.has(d.id) || submitted.get(d.id)! > dueOn)
    .map((d) => ({ departmentId: d.id, departmentName: d.name, regionCode: d.regionCode, year, dueOn, submittedOn: submitted.get(d.id) ?? null }));
}

/** The departments of the regions `region` covers (catalog's reference data), less those whose report was in on time. */
export async function missingSelfAssessmentsOf(ds: DataSource, region: string, year: number, today: string): Promise<MissingSelfAssessment[]> {
  const departments = (await callSubgraphAsService<{ departments: Array<{ id: string; name: string; regionCode: string }> }>('catalog',
    'query { departments { id name regionCode } }', {})).departments.filter((d) => regionCovers(region, d.regionCode));
  const reports = await ds.getRepository(SelfAssessmentReport).find({ where: { year }, select: ['departmentId', 'submittedOn'] });
  return missingSelfAssessments(departments, reports, year, today);
}
