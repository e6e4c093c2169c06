// Change request review (000 §9): the authority decides within N working days; past it the request is marked overdue
// and escalated, and still waits. Approval makes the new version through catalog's activity.
import { patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { workingDayDeadline } from '@gov/working-days';
// Only import the activity types: workflows run in a sandbox.
import type { CatalogChangeActivities, CatalogChangeInput, CatalogChangeOutcome } from './definitions';
import { changeDecisionSignal, changeStateQuery } from './definitions';
import type { ReviewDecision } from '../catalog-review/definitions';
import { serviceActivities } from '../activities';
import { DEADLINE_REMINDER_PATCH, awaitDeadlineStep } from '../deadline-step';

export async function catalogChangeWorkflow(input: CatalogChangeInput): Promise<CatalogChangeOutcome> {
  const info = workflowInfo();
  const catalog = serviceActivities<CatalogChangeActivities>('catalog');
  const startedAt = info.startTime.getTime();
  const deadline = workingDayDeadline(startedAt, input.deadlineWorkingDays);
  let decision: ReviewDecision | null = null;
  let overdue = false;
  setHandler(changeDecisionSignal, (d) => { decision ??= d; }); // the first decision wins
  setHandler(changeStateQuery, () => ({ changeRequestId: input.changeRequestId, deadline: deadline.toISOString(), overdue, decision }));

  // A reminder timer before the deadline timer (histories started before it replay without).
  const reminders = patched(DEADLINE_REMINDER_PATCH);
  await catalog.recordChangeDeadline({ changeRequestId: input.changeRequestId, deadline: deadline.toISOString() });
  await awaitDeadlineStep({
    deadline: () => deadline, done: () => decision !== null, reminders, startedAt,
    remind: (due) => catalog.remindChange({ changeRequestId: input.changeRequestId, deadline: due.toISOString() }),
    escalate: async () => {
      overdue = true;
      await catalog.markChangeOverdue({ changeRequestId: input.changeRequestId });
    },
  });
  const d = decision as unknown as ReviewDecision;
  if (d.approve) await catalog.applyChange({ changeRequestId: input.changeRequestId, reviewer: d.reviewer, comment: d.comment });
  else await catalog.rejectChange({ changeRequestId: input.changeRequestId, reviewer: d.reviewer, comment: d.comment });
  return { changeRequestId: input.changeRequestId, outcome: d.approve ? 'APPROVED' : 'REJECTED', overdue, deadline: deadline.toISOString() };
}
