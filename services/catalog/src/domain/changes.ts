// Change requests of published entries (000 §9, 004 §9): filed with their basis, one open per entry, reviewed by the
// authority through the change workflow.
import { randomUUID } from 'node:crypto';
import { ConflictError, startWorkflowOnce, type FieldProblem } from '@gov/kit';
import { CATALOG_CHANGE_FILING_WORKING_DAYS, catalogChangeWorkflowId, refs } from '@gov/workflows';
import { chinaDate, workingDaysBetween } from '@gov/working-days';
import type { EntityManager } from 'typeorm';
import { ChangeRequest } from '../entities/change-request';
import type { DataResource } from '../entities/data-resource';
import { ChangeBasis, ChangeStatus } from '../entities/enums';
import { checkSourceSystem } from './entries';
import type { Workflows } from './review';
import { catalogProblems, type EntryInput } from './rules';

export interface ChangeFiling { basis: ChangeBasis; reason: string; effectiveDate?: string | null; entry: EntryInput }

/** Field problems of a change request against the entry as published (the code stays, the effective date is past). */
export function changeProblems(r: DataResource, input: ChangeFiling, today = chinaDate(new Date())): FieldProblem[] {
  const problems: FieldProblem[] = catalogProblems(input.entry).map((p) => ({ field: `entry.${p.field}`, reason: p.reason }));
  if (input.basis === ChangeBasis.RECLASSIFIED) problems.push({ field: 'basis', reason: "RECLASSIFIED comes only from the authority's decision on a reclassification request (001 §21)" });
  if (input.entry.code !== r.code) problems.push({ field: 'entry.code', reason: `the code identifies the entry and stays ${r.code}` });
  if (input.effectiveDate && input.effectiveDate > today) problems.push({ field: 'effectiveDate', reason: 'cannot lie in the future' });
  return problems;
}

/** Files the request and starts its review workflow inside `m` (if Temporal refuses, nothing is filed). */
export async function fileChange(
  m: EntityManager, wf: Workflows, r: DataResource, input: ChangeFiling, requestedBy: string, deadlineWorkingDays: number, id: string = randomUUID(),
): Promise<ChangeRequest> {
  const filedLate = !!input.effectiveDate && workingDaysBetween(input.effectiveDate, chinaDate(new Date())) > CATALOG_CHANGE_FILING_WORKING_DAYS;
  await checkSourceSystem(m, input.entry, r.departmentId, 'entry.sourceSystemId');
  const open = await m.getRepository(ChangeRequest).findOneBy({ openKey: r.id });
  if (open) throw new ConflictError(`change request ${open.id} of this entry is already under review`);
  await m.getRepository(ChangeRequest).insert({
    id, resourceId: r.id, departmentId: r.departmentId, regionCode: r.regionCode, basis: input.basis, reason: input.reason.trim(),
    effectiveDate: input.effectiveDate ?? null, filedLate, proposed: JSON.stringify(input.entry), status: ChangeStatus.PENDING,
    openKey: r.id, baseVersion: r.version, newVersion: null, requestedBy, reviewOverdue: false,
  });
  await startWorkflowOnce(wf.temporal, refs.catalogChange, {
    id: catalogChangeWorkflowId(id), taskQueuePrefix: wf.taskQueuePrefix,
    args: [{ changeRequestId: id, resourceId: r.id, regionCode: r.regionCode, deadlineWorkingDays }],
  });
  return m.getRepository(ChangeRequest).findOneByOrFail({ id });
}
