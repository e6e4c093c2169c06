// Self-assessment reports (004 §34): each department reports on the previous year by 31 January; later ones are marked.
import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError, isDuplicateKey, type AuditEntry } from '@gov/kit';
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
      await audit({ action: 'UPDATE', resourceId: id, items: ['selfAssessmentReport'], detail: `${r.departmentId} year ${r.year}${late ? ' LATE' : ''}` }, m);
      return m.getRepository(SelfAssessmentReport).findOneByOrFail({ id });
    });
  } catch (e) {
    if (isDuplicateKey(e)) throw new ConflictError(`${r.departmentId} already submitted its self-assessment of ${r.year}`);
    throw e;
  }
}
