// Catalog entry review (000 §9): the authority decides within N working days; past the deadline the review is marked
// overdue and escalated, and still waits for the decision. The decision is applied by an activity on catalog's queue.
import { patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { workingDayDeadline } from '@gov/working-days';
// Only import the activity types: workflows run in a sandbox.
import type { CatalogReviewActivities, CatalogReviewInput, CatalogReviewOutcome, ReviewDecision } from './definitions';
import { reviewDecisionSignal, reviewStateQuery } from './definitions';
import { serviceActivities } from '../activities';
import { DEADLINE_REMINDER_PATCH, awaitDeadlineStep } from '../deadline-step';

export async function catalogReviewWorkflow(input: CatalogReviewInput): Promise<CatalogReviewOutcome> {
  const info = workflowInfo();
  const catalog = serviceActivities<CatalogReviewActivities>('catalog');

  const startedAt = info.startTime.getTime();
  const deadline = workingDayDeadline(startedAt, input.deadlineWorkingDays);
  let decision: ReviewDecision | null = null;
  let overdue = false;

  setHandler(reviewDecisionSignal, (d) => { decision ??= d; }); // the first decision wins; a repeated signal is a no-op
  setHandler(reviewStateQuery, () => ({ resourceId: input.resourceId, deadline: deadline.toISOString(), overdue, decision }));

  // A reminder timer before the deadline timer (histories started before it replay without).
  const reminders = patched(DEADLINE_REMINDER_PATCH);
  await catalog.recordReviewDeadline({ resourceId: input.resourceId, deadline: deadline.toISOString() });
  await awaitDeadlineStep({
    // The first wait counts from the start (as before: its timer is in running histories), later ones from the clock.
    deadline: () => deadline, done: () => decision !== null, reminders, startedAt,
    remind: (due) => catalog.remindReview({ resourceId: input.resourceId, deadline: due.toISOString() }),
    escalate: async () => {
      overdue = true;
      await catalog.markReviewOverdue({ resourceId: input.resourceId, deadline: deadline.toISOString() });
    },
  });

  const d = decision as unknown as ReviewDecision;
  if (d.approve) await catalog.publishResource({ resourceId: input.resourceId, reviewer: d.reviewer, comment: d.comment });
  else await catalog.returnResourceToDraft({ resourceId: input.resourceId, reviewer: d.reviewer, comment: d.comment });
  return { resourceId: input.resourceId, outcome: d.approve ? 'PUBLISHED' : 'RETURNED', overdue, deadline: deadline.toISOString() };
}
