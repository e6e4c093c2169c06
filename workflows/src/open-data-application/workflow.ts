// Conditional open-data application (000 §21, 003 §26): the provider decides within 7 working days; past the limit the
// application is escalated to the authority and stays marked overdue until the provider decides.
import { patched, setHandler } from '@temporalio/workflow';
import { serviceActivities } from '../activities';
import { DEADLINE_REMINDER_PATCH, awaitDeadlineStep, recountableDeadline } from '../deadline-step';
import { calendarChangedSignal, type CalendarActivities } from '../working-calendar/definitions';
import type { OpenDataApplicationActivities, OpenDataApplicationInput, OpenDataDecision } from './definitions';
import { OPEN_DATA_DECISION_WORKING_DAYS, openDataDecisionSignal } from './definitions';

// The workflow clock: inside the sandbox `Date` is deterministic (replayed from history).
const now = (): number => new Date().getTime();

export async function openDataApplicationWorkflow(input: OpenDataApplicationInput): Promise<{ approved: boolean; overdue: boolean }> {
  const openData = serviceActivities<OpenDataApplicationActivities & CalendarActivities>('open-data');
  let decision: OpenDataDecision | null = null;
  // Only the first decision counts (a repeated signal is a no-op).
  setHandler(openDataDecisionSignal, (d) => { decision ??= d; });

  // A reminder timer before the deadline timer; the deadline counted on the loaded official calendars and again when
  // one is loaded (histories started before either replay without).
  const reminders = patched(DEADLINE_REMINDER_PATCH);
  const calendarAware = patched('official-calendar');
  const clock = recountableDeadline(OPEN_DATA_DECISION_WORKING_DAYS);
  setHandler(calendarChangedSignal, (c) => { if (calendarAware) clock.changed(c); });
  if (calendarAware) clock.useCalendars(await openData.officialCalendars());

  const deadline = clock.open(now());
  await openData.openReview({ applicationId: input.applicationId, deadline: deadline.toISOString(), ...(calendarAware ? { calendarVersion: clock.version() } : {}) });
  const { overdue } = await awaitDeadlineStep({
    deadline: clock.due, calendars: clock.calendars, done: () => decision !== null, reminders,
    remind: (due) => openData.remindApplication({ applicationId: input.applicationId, deadline: due.toISOString() }),
    escalate: () => openData.escalateApplication({ applicationId: input.applicationId }),
    interrupt: {
      pending: clock.pending,
      handle: () => clock.recount((c) => openData.officialCalendars(c), (next, calendarVersion, previous) =>
        openData.recountApplication({ applicationId: input.applicationId, deadline: next.toISOString(), calendarVersion, previous })),
    },
  });
  const d = decision as unknown as OpenDataDecision;
  await openData.recordApplicationDecision({ applicationId: input.applicationId, decision: d });
  return { approved: d.approve, overdue };
}
