// Change request review (000 §9): the authority decides within N working days; past it the request is marked overdue
// and escalated, and still waits. Approval makes the new version through catalog's activity.
import { patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { workingDayDeadline } from '@gov/working-days';
// Only import the activity types: workflows run in a sandbox.
import type { CatalogChangeActivities, CatalogChangeInput, CatalogChangeOutcome } from './definitions';
import { changeDecisionSignal, changeStateQuery } from './definitions';
import type { ReviewDecision } from '../catalog-review/definitions';
import { serviceActivities } from '../activities';
import { DEADLINE_REMINDER_PATCH, awaitDeadlineStep, recountableDeadline } from '../deadline-step';
import { calendarChangedSignal, type CalendarActivities } from '../working-calendar/definitions';

export async function catalogChangeWorkflow(input: CatalogChangeInput): Promise<CatalogChangeOutcome> {
  const info = workflowInfo();
  const catalog = serviceActivities<CatalogChangeActivities & CalendarActivities>('catalog');
  const startedAt = info.startTime.getTime();
  let deadline = workingDayDeadline(startedAt, input.deadlineWorkingDays);
  let decision: ReviewDecision | null = null;
  let overdue = false;
  setHandler(changeDecisionSignal, (d) => { decision ??= d; }); // the first decision wins
  setHandler(changeStateQuery, () => ({ changeRequestId: input.changeRequestId, deadline: deadline.toISOString(), overdue, decision }));

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
  await catalog.recordChangeDeadline({ changeRequestId: input.changeRequestId, deadline: deadline.toISOString(), ...(calendarAware ? { calendarVersion: clock.version() } : {}) });
  await awaitDeadlineStep({
    deadline: () => deadline, calendars: clock.calendars, done: () => decision !== null, reminders, startedAt,
    interrupt: {
      pending: clock.pending,
      handle: async () => {
        await clock.recount((c) => catalog.officialCalendars(c), (next, calendarVersion, previous) =>
          catalog.recountChange({ changeRequestId: input.changeRequestId, deadline: next.toISOString(), calendarVersion, previous }));
        deadline = clock.due();
      },
    },
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
