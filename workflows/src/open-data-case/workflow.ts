// 003 §17, §24: a complaint or a feedback is answered within 10 working days; past the limit it is escalated to the
// authority and stays marked overdue until the publisher answers.
import { condition, setHandler } from '@temporalio/workflow';
import { workingDayDeadline } from '@gov/working-days';
import { serviceActivities } from '../activities';
import type { OpenDataCaseActivities, OpenDataCaseInput } from './definitions';
import { OPEN_DATA_ANSWER_WORKING_DAYS, openDataCaseAnsweredSignal } from './definitions';

// The workflow clock: inside the sandbox `Date` is deterministic (replayed from history).
const now = (): number => new Date().getTime();

export async function openDataCaseWorkflow(input: OpenDataCaseInput): Promise<{ overdue: boolean }> {
  const openData = serviceActivities<OpenDataCaseActivities>('open-data');
  let answered = false;
  setHandler(openDataCaseAnsweredSignal, () => { answered = true; });
  const deadline = workingDayDeadline(now(), OPEN_DATA_ANSWER_WORKING_DAYS);
  await openData.openCase({ caseId: input.caseId, deadline: deadline.toISOString() });
  if (await condition(() => answered, Math.max(1, deadline.getTime() - now()))) return { overdue: false };
  // An answer whose signal was lost still ends the process here: the row says it is answered.
  if (!(await openData.escalateCase({ caseId: input.caseId }))) return { overdue: false };
  await condition(() => answered);
  return { overdue: true };
}
