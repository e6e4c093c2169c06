// 003 §17, §24: a complaint or a feedback is answered within 10 working days; past the limit it is escalated to the
// authority and stays marked overdue until the publisher answers.
import { patched, setHandler } from '@temporalio/workflow';
import { serviceActivities } from '../activities';
import { DEADLINE_REMINDER_PATCH, awaitDeadlineStep, recountableDeadline } from '../deadline-step';
import { calendarChangedSignal, type CalendarActivities } from '../working-calendar/definitions';
import type { OpenDataCaseActivities, OpenDataCaseInput } from './definitions';
import { OPEN_DATA_ANSWER_WORKING_DAYS, openDataCaseAnsweredSignal } from './definitions';

// The workflow clock: inside the sandbox `Date` is deterministic (replayed from history).
const now = (): number => new Date().getTime();

export async function openDataCaseWorkflow(input: OpenDataCaseInput): Promise<{ overdue: boolean }> {
  const openData = serviceActivities<OpenDataCaseActivities & CalendarActivities>('open-data');
  let answered = false;
  setHandler(openDataCaseAnsweredSignal, () => { answered = true; });
  // A reminder timer before the deadline timer; the deadline counted on the loaded official calendars and again when
  // one is loaded (histories started before either replay without).
  const reminders = patched(DEADLINE_REMINDER_PATCH);
  const calendarAware = patched('official-calendar');
  const clock = recountableDeadline(OPEN_DATA_ANSWER_WORKING_DAYS);
  setHandler(calendarChangedSignal, (c) => { if (calendarAware) clock.changed(c); });
  if (calendarAware) clock.useCalendars(await openData.officialCalendars());
  const deadline = clock.open(now());
  await openData.openCase({ caseId: input.caseId, deadline: deadline.toISOString(), ...(calendarAware ? { calendarVersion: clock.version() } : {}) });
  let open = true;
  const { overdue } = await awaitDeadlineStep({
    deadline: clock.due, calendars: clock.calendars, done: () => answered || !open, reminders,
    remind: (due) => openData.remindCase({ caseId: input.caseId, deadline: due.toISOString() }),
    // An answer whose signal was lost still ends the process here: the row says it is answered.
    escalate: async () => { open = await openData.escalateCase({ caseId: input.caseId }); },
    interrupt: {
      pending: clock.pending,
      handle: () => clock.recount((c) => openData.officialCalendars(c), (next, calendarVersion, previous) =>
        openData.recountCase({ caseId: input.caseId, deadline: next.toISOString(), calendarVersion, previous })),
    },
  });
  return { overdue: overdue && open };
}
