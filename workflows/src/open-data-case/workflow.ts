// 003 §17, §24: a complaint or a feedback is answered within 10 working days; past the limit it is escalated to the
// authority and stays marked overdue until the publisher answers.
import { patched, setHandler } from '@temporalio/workflow';
import { workingDayDeadline } from '@gov/working-days';
import { serviceActivities } from '../activities';
import { DEADLINE_REMINDER_PATCH, awaitDeadlineStep } from '../deadline-step';
import type { OpenDataCaseActivities, OpenDataCaseInput } from './definitions';
import { OPEN_DATA_ANSWER_WORKING_DAYS, openDataCaseAnsweredSignal } from './definitions';

// The workflow clock: inside the sandbox `Date` is deterministic (replayed from history).
const now = (): number => new Date().getTime();

export async function openDataCaseWorkflow(input: OpenDataCaseInput): Promise<{ overdue: boolean }> {
  const openData = serviceActivities<OpenDataCaseActivities>('open-data');
  let answered = false;
  setHandler(openDataCaseAnsweredSignal, () => { answered = true; });
  // A reminder timer before the deadline timer (histories started before it replay without).
  const reminders = patched(DEADLINE_REMINDER_PATCH);
  const deadline = workingDayDeadline(now(), OPEN_DATA_ANSWER_WORKING_DAYS);
  await openData.openCase({ caseId: input.caseId, deadline: deadline.toISOString() });
  let open = true;
  const { overdue } = await awaitDeadlineStep({
    deadline: () => deadline, done: () => answered || !open, reminders,
    remind: (due) => openData.remindCase({ caseId: input.caseId, deadline: due.toISOString() }),
    // An answer whose signal was lost still ends the process here: the row says it is answered.
    escalate: async () => { open = await openData.escalateCase({ caseId: input.caseId }); },
  });
  return { overdue: overdue && open };
}
