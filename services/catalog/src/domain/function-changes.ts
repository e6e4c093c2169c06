// 004 §9: a department records the day a law, its function or a system changed; the catalog change request is due
// within 15 working days (catalogFilingWorkflow escalates on the deadline); filing the change request settles it.
import { randomUUID } from 'node:crypto';
import { startWorkflowOnce } from '@gov/kit';
import { CATALOG_CHANGE_FILING_WORKING_DAYS, catalogFilingWorkflowId, changeDayStart, changeFiledSignal, refs } from '@gov/workflows';
import { isOfficialCalendar, workingDayDeadline } from '@gov/working-days';
import type { Client } from '@temporalio/client';
import { In, type EntityManager } from 'typeorm';
import type { DataResource } from '../entities/data-resource';
import type { ChangeBasis } from '../entities/enums';
import { FunctionChange, FunctionChangeStatus } from '../entities/function-change';
import type { Workflows } from './review';

export interface FunctionChangeFiling { basis: ChangeBasis; changedOn: string; description: string }

/** Records the change and starts its filing-deadline workflow inside `m` (if Temporal refuses, nothing is recorded). */
export async function recordFunctionChange(m: EntityManager, wf: Workflows, r: DataResource, input: FunctionChangeFiling, by: string): Promise<FunctionChange> {
  const id = randomUUID();
  const deadline = workingDayDeadline(changeDayStart(input.changedOn), CATALOG_CHANGE_FILING_WORKING_DAYS);
  await m.getRepository(FunctionChange).insert({
    id, resourceId: r.id, departmentId: r.departmentId, regionCode: r.regionCode, basis: input.basis, changedOn: input.changedOn,
    description: input.description.trim(), status: FunctionChangeStatus.AWAITING_FILING, filingDeadline: deadline,
    filingDeadlineOfficial: isOfficialCalendar(deadline), recordedBy: by,
  });
  await startWorkflowOnce(wf.temporal, refs.catalogFiling, {
    id: catalogFilingWorkflowId(id), taskQueuePrefix: wf.taskQueuePrefix, args: [{ functionChangeId: id, changedOn: input.changedOn }],
  });
  return m.getRepository(FunctionChange).findOneByOrFail({ id });
}

/** A change request was filed for the entry: its open function changes are settled (ids returned, to signal their workflows). */
export async function settleByChangeRequest(m: EntityManager, resourceId: string, changeRequestId: string): Promise<string[]> {
  const open = await m.getRepository(FunctionChange).findBy({ resourceId, status: In([FunctionChangeStatus.AWAITING_FILING, FunctionChangeStatus.OVERDUE]) });
  if (!open.length) return [];
  // OVERDUE stays OVERDUE (it was late; assessment counts it) but records the request that finally came.
  await m.getRepository(FunctionChange).update({ id: In(open.map((f) => f.id)), status: FunctionChangeStatus.AWAITING_FILING }, { status: FunctionChangeStatus.FILED, changeRequestId });
  await m.getRepository(FunctionChange).update({ id: In(open.map((f) => f.id)), status: FunctionChangeStatus.OVERDUE }, { changeRequestId });
  return open.map((f) => f.id);
}

/** Tells each settled change's workflow (after the commit); a workflow already gone is fine. */
export async function signalFiled(temporal: Client, ids: string[], changeRequestId: string): Promise<void> {
  for (const id of ids) {
    await temporal.workflow.getHandle(catalogFilingWorkflowId(id)).signal(changeFiledSignal, { changeRequestId }).catch(() => undefined);
  }
}
