// Change request review (000 §9): the authority decides within N working days; past it the request is marked overdue
// and escalated, and still waits. Approval makes the new version through catalog's activity.
import { condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { workingDayDeadline } from '@gov/working-days';
// Only import the activity types: workflows run in a sandbox.
import type { CatalogChangeActivities, CatalogChangeInput, CatalogChangeOutcome } from './definitions';
import { changeDecisionSignal, changeStateQuery } from './definitions';
import type { ReviewDecision } from '../catalog-review/definitions';
import { serviceActivities } from '../activities';

export async function catalogChangeWorkflow(input: CatalogChangeInput): Promise<CatalogChangeOutcome> {
  const info = workflowInfo();
  const catalog = serviceActivities<CatalogChangeActivities>('catalog');
  const startedAt = info.startTime.getTime();
  const deadline = workingDayDeadline(startedAt, input.deadlineWorkingDays);
  let decision: ReviewDecision | null = null;
  let overdue = false;
  setHandler(changeDecisionSignal, (d) => { decision ??= d; }); // the first decision wins
  setHandler(changeStateQuery, () => ({ changeRequestId: input.changeRequestId, deadline: deadline.toISOString(), overdue, decision }));

  await catalog.recordChangeDeadline({ changeRequestId: input.changeRequestId, deadline: deadline.toISOString() });
  if (!(await condition(() => decision !== null, Math.max(1, deadline.getTime() - startedAt)))) {
    overdue = true;
    await catalog.markChangeOverdue({ changeRequestId: input.changeRequestId });
    await condition(() => decision !== null);
  }
  const d = decision as unknown as ReviewDecision;
  if (d.approve) await catalog.applyChange({ changeRequestId: input.changeRequestId, reviewer: d.reviewer, comment: d.comment });
  else await catalog.rejectChange({ changeRequestId: input.changeRequestId, reviewer: d.reviewer, comment: d.comment });
  return { changeRequestId: input.changeRequestId, outcome: d.approve ? 'APPROVED' : 'REJECTED', overdue, deadline: deadline.toISOString() };
}
