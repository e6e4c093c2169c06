// Catalog entry review (000 §9): the authority decides within N working days; past the deadline the review is marked
// overdue and escalated, and still waits for the decision. The decision is applied by an activity on catalog's queue.
import { patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { workingDayDeadline } from '@gov/working-days';
// Only import the activity types: workflows run in a sandbox.
import type { CatalogReviewActivities, CatalogReviewInput, CatalogReviewOutcome, ReviewDecision } from './definitions';
import { reviewDecisionSignal, reviewStateQuery } from './definitions';
import { serviceActivities } from '../activities';
import { DEADLINE_REMINDER_PATCH, awaitDeadlineStep, recountableDeadline } from '../deadline-step';
import { calendarChangedSignal, type CalendarActivities } from '../working-calendar/definitions';

export async function catalogReviewWorkflow(input: CatalogReviewInput): Promise<CatalogReviewOutcome> {
  const info = workflowInfo();
  const catalog = serviceActivities<CatalogReviewActivities & CalendarActivities>('catalog');

  const startedAt = info.startTime.getTime();
  let deadline = workingDayDeadline(startedAt, input.deadlineWorkingDays);
  let decision: ReviewDecision | null = null;
  let overdue = false;

  setHandler(reviewDecisionSignal, (d) => { decision ??= d; }); // the first decision wins; a repeated signal is a no-op
  setHandler(reviewStateQuery, () => ({ resourceId: input.resourceId, deadline: deadline.toISOString(), overdue, decision }));

  // A reminder timer before the deadline timer; the deadline counted on the loaded official calendars and again when
  // one is loaded (histories started before either replay without).
  const reminders = patched(DEADLINE_REMINDER_PATCH);
  const calendarAware = patched('official-calendar');
  const clock = recountableDeadline(input.deadlineWorkingDays);
  setHandler(calendarChangedSignal, (c) => { if (calendarAware) clock.changed(c); });
  if (calendarAware) {
    clock.useCalendars(await catalog.officialCalendars());
    deadline = clock.open(startedAt);
  }
  await catalog.recordReviewDeadline({ resourceId: input.resourceId, deadline: deadline.toISOString(), ...(calendarAware ? { calendarVersion: clock.version() } : {}) });
  await awaitDeadlineStep({
    // The first wait counts from the start (as before: its timer is in running histories), later ones from the clock.
    deadline: () => deadline, calendars: clock.calendars, done: () => decision !== null, reminders, startedAt,
    interrupt: {
      pending: clock.pending,
      handle: async () => {
        await clock.recount((c) => catalog.officialCalendars(c), (next, calendarVersion, previous) =>
          catalog.recountReview({ resourceId: input.resourceId, deadline: next.toISOString(), calendarVersion, previous }));
        deadline = clock.due();
      },
    },
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
